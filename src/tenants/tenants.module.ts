import { Module } from '@nestjs/common';
import { TenantTokensRepository } from './tenant-tokens.repository';
import { TenantTokensService } from './tenant-tokens.service';
import { TenantsController } from './tenants.controller';
import { TenantsRepository } from './tenants.repository';
import { TenantsService } from './tenants.service';

@Module({
  controllers: [TenantsController],
  providers: [TenantsRepository, TenantsService, TenantTokensRepository, TenantTokensService],
  exports: [TenantsService, TenantTokensService],
})
export class TenantsModule {}
