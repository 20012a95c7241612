import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TenantsModule } from '../tenants/tenants.module';
import { ADMIN_KEY, resolveAdminKey } from './admin-key';
import { AuthGuard } from './auth.guard';

@Global()
@Module({
  imports: [TenantsModule],
  providers: [
    { provide: ADMIN_KEY, inject: [APP_CONFIG], useFactory: (config: AppConfig) => resolveAdminKey(config) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ADMIN_KEY],
})
export class AuthModule {}
