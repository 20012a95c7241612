import { Injectable } from '@nestjs/common';
import { ScimResources } from '../resources/scim-resources';
import { ScimError } from '../scim/errors/scim-error';
import { ScimStreamBody, StreamedElement } from '../scim/http/scim-json-stream';
import { ListQuery } from '../scim/query/list-query';
import { listResponse } from '../scim/query/list-response';

/** One resource type's part in a root search: its total, then the slice of the page it fills. */
interface Part {
  count(tenantId: string, query: ListQuery): Promise<number>;
  page(tenantId: string, query: ListQuery): Promise<ScimStreamBody>;
}

/**
 * `POST {base}/.search` (RFC 7644 §3.4.3): one query over every registered resource type, in their
 * order (Users, then Groups, then the others), paged as one list. A filter naming attributes that
 * only some types have matches nothing of the others; a filter that no type understands is an error.
 */
@Injectable()
export class RootSearchService {
  constructor(private readonly resources: ScimResources) {}

  /** Each type's part, through its handler: its total, then the slice of the page it fills. */
  private get parts(): Part[] {
    return this.resources.types().map((type) => {
      const handler = this.resources.handler(type.name);
      return {
        count: async (tenantId, q) =>
          (await handler.list(tenantId, { ...q, startIndex: 1, count: 0 })).list?.totalResults ?? 0,
        page: (tenantId, q) => handler.list(tenantId, q),
      };
    });
  }

  async search(tenantId: string, query: ListQuery): Promise<ScimStreamBody> {
    const parts = this.parts;
    const totals = await this.totals(parts, tenantId, query);
    const total = totals.reduce((sum, n) => sum + n, 0);
    let skip = query.startIndex - 1;
    let room = query.count;
    const resources: ScimStreamBody['resources'] = [];
    const streams: Array<{ offset: number; batches: AsyncIterable<StreamedElement[]>; name: string }> = [];
    for (const [i, part] of parts.entries()) {
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
  private async totals(parts: Part[], tenantId: string, query: ListQuery): Promise<number[]> {
    const errors: ScimError[] = [];
    const totals = await Promise.all(
      parts.map((part) =>
        part.count(tenantId, query).catch((error: unknown) => {
          if (error instanceof ScimError && error.scimType === 'invalidFilter') {
            errors.push(error);
            return -1;
          }
          throw error;
        }),
      ),
    );
    if (errors.length === parts.length) throw errors[0];
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
