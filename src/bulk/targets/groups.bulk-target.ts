import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { GroupResult, GroupsService } from '../../groups/groups.service';
import { resourceLocation } from '../../scim/http/scim-urls';
import { BulkOutcome, BulkTarget } from '../bulk-target';

/** A Bulk result carries no resource body: the group's members are never read for it. */
const LEAN = { attributes: [], excludedAttributes: ['members'] };

function outcome(status: number, result: GroupResult): BulkOutcome {
  return {
    status,
    id: String(result.body.resources[0].id),
    location: result.location,
    version: result.version,
  };
}

/** `/Groups` operations of a Bulk request, through GroupsService. */
@Injectable()
export class GroupsBulkTarget implements BulkTarget {
  readonly endpoint = '/Groups';

  constructor(
    private readonly groups: GroupsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(tenantId: string, data: unknown): Promise<BulkOutcome> {
    return outcome(201, await this.groups.create(tenantId, data, LEAN));
  }

  async replace(tenantId: string, id: string, data: unknown, ifMatch: string | undefined) {
    return outcome(200, await this.groups.replace(tenantId, id, data, ifMatch, LEAN));
  }

  /** 204, as a Group PATCH answers when sent alone: the new version, never the membership. */
  async patch(tenantId: string, id: string, data: unknown, ifMatch: string | undefined) {
    const result = await this.groups.patch(tenantId, id, data, ifMatch, null);
    return { status: 204, id, location: result.location, version: result.version };
  }

  async delete(tenantId: string, id: string, ifMatch: string | undefined): Promise<BulkOutcome> {
    await this.groups.remove(tenantId, id, ifMatch);
    return {
      status: 204,
      id,
      location: resourceLocation(this.config.publicUrl, tenantId, 'Group', id),
      version: null,
    };
  }
}
