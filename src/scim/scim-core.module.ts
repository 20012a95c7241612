import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RouteTable } from './http/route-table';

/** Provides the SCIM core's shared pieces to every module. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [RouteTable],
  exports: [RouteTable],
})
export class ScimCoreModule {}
