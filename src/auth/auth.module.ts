import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TenantsModule } from '../tenants/tenants.module';
import { ThrottlingModule } from '../throttling/throttling.module';
import { ADMIN_KEY, AdminKey } from './admin-key';
import { AuthGuard } from './auth.guard';

@Global()
@Module({
  imports: [TenantsModule, ThrottlingModule],
  providers: [
    { provide: ADMIN_KEY, inject: [APP_CONFIG], useFactory: (config: AppConfig) => AdminKey.resolve(config) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ADMIN_KEY],
})
export class AuthModule {}
