import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TenantAccessChannel } from './tenant-access.channel';
import { TenantTokensRepository } from './tenant-tokens.repository';
import { TenantTokensService } from './tenant-tokens.service';
import { TenantsController } from './tenants.controller';
import { TenantsRepository } from './tenants.repository';
import { TenantsService } from './tenants.service';
import { TokenCache } from './token-cache';

@Module({
  controllers: [TenantsController],
  providers: [
    TenantsRepository,
    TenantsService,
    TenantTokensRepository,
    TenantTokensService,
    {
      provide: TokenCache,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new TokenCache(config.tokenCacheSeconds * 1000),
    },
    TenantAccessChannel,
  ],
  exports: [TenantsService, TenantTokensService, TenantAccessChannel],
})
export class TenantsModule {}
