import { Injectable } from '@nestjs/common';
import { GroupsService } from '../groups/groups.service';
import { ScimError } from '../scim/errors/scim-error';
import { ScimStreamBody, StreamedElement } from '../scim/http/scim-json-stream';
import { ListQuery } from '../scim/query/list-query';
import { listResponse } from '../scim/query/list-response';
import { UsersService } from '../users/users.service';

/** One resource type's part in a root search: its total, then the slice of the page it fills. */
interface Part {
  count(tenantId: string, query: ListQuery): Promise<number>;
  page(tenantId: string, query: ListQuery): Promise<ScimStreamBody>;
}

/**
 * `POST {base}/.search` (RFC 7644 §3.4.3): one query over every resource type, Users first, then
 * Groups, paged as one list. A filter naming attributes that only one type has matches nothing of
 * the other type; a filter that no type understands is an error.
 */
@Injectable()
export class RootSearchService {
  private readonly parts: Part[];

  constructor(users: UsersService, groups: GroupsService) {
    this.parts = [
      {
        count: async (tenantId, q) =>
          (await users.list(tenantId, { ...q, startIndex: 1, count: 0 })).totalResults,
        page: async (tenantId, q) => ({
          resources: (await users.list(tenantId, q)).Resources,
          streamed: null,
        }),
      },
      {
        count: async (tenantId, q) =>
          (await groups.list(tenantId, { ...q, startIndex: 1, count: 0 })).list?.totalResults ?? 0,
        page: (tenantId, q) => groups.list(tenantId, q),
      },
    ];
  }

  async search(tenantId: string, query: ListQuery): Promise<ScimStreamBody> {
    const totals = await this.totals(tenantId, query);
    const total = totals.reduce((sum, n) => sum + n, 0);
    let skip = query.startIndex - 1;
    let room = query.count;
    const resources: ScimStreamBody['resources'] = [];
    const streams: Array<{ offset: number; batches: AsyncIterable<StreamedElement[]>; name: string }> = [];
    for (const [i, part] of this.parts.entries()) {
      const available = totals[i];
      if (skip >= available) {
        skip -= available;
        continue;
      }
      if (room === 0) break;
      const body = await part.page(tenantId, {
        ...query,
        startIndex: skip + 1,
        count: Math.min(room, available - skip),
      });
      if (body.streamed) streams.push({ offset: resources.length, ...body.streamed });
      resources.push(...body.resources);
      room -= body.resources.length;
      skip = 0;
    }
    const { schemas, totalResults, startIndex, itemsPerPage } = listResponse(
      resources,
      total,
      query.startIndex,
    );
    const list = { schemas, totalResults, startIndex, itemsPerPage };
    const [stream] = streams;
    return {
      resources,
      list,
      streamed: stream ? { name: stream.name, batches: shifted(stream.batches, stream.offset) } : null,
    };
  }

  /** Each type's total; a type that cannot evaluate the filter contributes none. */
  private async totals(tenantId: string, query: ListQuery): Promise<number[]> {
    const errors: ScimError[] = [];
    const totals = await Promise.all(
      this.parts.map((part) =>
        part.count(tenantId, query).catch((error: unknown) => {
          if (error instanceof ScimError && error.scimType === 'invalidFilter') {
            errors.push(error);
            return -1;
          }
          throw error;
        }),
      ),
    );
    if (errors.length === this.parts.length) throw errors[0];
    return totals.map((n) => Math.max(n, 0));
  }
}

/** Moves streamed elements to their resources' positions in the combined page. */
async function* shifted(
  batches: AsyncIterable<StreamedElement[]>,
  offset: number,
): AsyncGenerator<StreamedElement[]> {
  for await (const batch of batches)
    yield batch.map((e) => ({ index: e.index + offset, element: e.element }));
}
