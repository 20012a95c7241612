import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { resourceLocation } from '../../scim/http/scim-urls';
import { ScimResult, UsersService } from '../../users/users.service';
import { BulkOutcome, BulkTarget } from '../bulk-target';

/** A Bulk result carries no resource body, so the user is rendered without reading its groups. */
const LEAN = { attributes: [], excludedAttributes: ['groups'] };

function outcome(status: number, result: ScimResult): BulkOutcome {
  return { status, id: String(result.resource.id), location: result.location, version: result.version };
}

/** `/Users` operations of a Bulk request, through UsersService. */
@Injectable()
export class UsersBulkTarget implements BulkTarget {
  readonly endpoint = '/Users';

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(tenantId: string, data: unknown): Promise<BulkOutcome> {
    return outcome(201, await this.users.create(tenantId, data, LEAN));
  }

  async replace(tenantId: string, id: string, data: unknown, ifMatch: string | undefined) {
    return outcome(200, await this.users.replace(tenantId, id, data, ifMatch, LEAN));
  }

  async patch(tenantId: string, id: string, data: unknown, ifMatch: string | undefined) {
    return outcome(200, await this.users.patch(tenantId, id, data, ifMatch, LEAN));
  }

  async delete(tenantId: string, id: string, ifMatch: string | undefined): Promise<BulkOutcome> {
    await this.users.remove(tenantId, id, ifMatch);
    return {
      status: 204,
      id,
      location: resourceLocation(this.config.publicUrl, tenantId, 'User', id),
      version: null,
    };
  }
}
