import { Module } from '@nestjs/common';
import { RootSearchController } from './root-search.controller';
import { RootSearchService } from './root-search.service';

/** `POST /.search` at the SCIM root, across every registered resource type (ScimResources). */
@Module({
  controllers: [RootSearchController],
  providers: [RootSearchService],
})
export class SearchModule {}
