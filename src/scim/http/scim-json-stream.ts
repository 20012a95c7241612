import { once } from 'node:events';
import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ScimObject } from '../resource/attribute-values';
import { listResponse, ListResponse } from '../query/list-response';
import { SCIM_MEDIA_TYPE } from './media-types';

/** One element of a streamed multi-valued attribute, tagged with the position of its resource. */
export interface StreamedElement {
  index: number;
  element: ScimObject;
}

/**
 * A multi-valued attribute too large to hold in memory (a Group's members): its elements arrive in
 * batches, in resource order, after the rest of each resource has been built.
 */
export interface StreamedAttribute {
  name: string;
  batches: AsyncIterable<StreamedElement[]>;
}

/** A response whose resources may carry a streamed attribute; `list` makes it a ListResponse. */
export interface ScimStreamBody {
  resources: ScimObject[];
  list?: Omit<ListResponse<never>, 'Resources'>;
  streamed: StreamedAttribute | null;
}

/** A page of a list (RFC 7644 §3.4.2) as a body to stream, with the attribute streamed into it, if any. */
export function listBody(
  resources: ScimObject[],
  totalResults: number,
  startIndex: number,
  streamed: StreamedAttribute | null = null,
): ScimStreamBody {
  const { Resources, ...list } = listResponse(resources, totalResults, startIndex);
  return { resources: Resources, list, streamed };
}

const logger = new Logger('ScimJsonStream');

/** What the chunked path below writes, as one string: for a body with nothing streamed. */
function wholeDocument(body: ScimStreamBody): string {
  const resources = body.resources.map((resource) => JSON.stringify(resource)).join(',');
  return body.list ? `${JSON.stringify(body.list).slice(0, -1)},"Resources":[${resources}]}` : resources;
}

/**
 * Writes a SCIM JSON response chunk by chunk, honouring the client's back-pressure, so that a group
 * of 100,000 members never sits in memory as one document. Errors before the first byte propagate
 * (and become SCIM errors); after it, the connection is cut, as HTTP has no other way to say so.
 * A body with no streamed attribute (a User, a page without members) is written at once, with a
 * Content-Length: the same bytes, without a promise and a listener per chunk.
 */
export async function sendScimStream(
  res: Response,
  status: number,
  body: ScimStreamBody,
  headers: Record<string, string> = {},
): Promise<void> {
  const iterator = body.streamed?.batches[Symbol.asyncIterator]();
  // Read the first batch before answering: a failing query is still a clean SCIM error.
  let pending = iterator ? await iterator.next() : null;
  res.status(status);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', `${SCIM_MEDIA_TYPE}; charset=utf-8`);
  // Nothing streamed: the resources are in memory already, so the document goes in one write.
  if (!iterator) {
    res.end(wholeDocument(body));
    return;
  }
  const closed = once(res, 'close');
  const write = async (chunk: string) => {
    if (res.destroyed) throw new Error('client closed the connection');
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), closed]);
  };
  try {
    if (body.list) await write(JSON.stringify(body.list).slice(0, -1) + ',"Resources":[');
    let buffered: StreamedElement[] = pending && !pending.done ? pending.value : [];
    let position = 0;
    for (const [index, resource] of body.resources.entries()) {
      await write((index > 0 ? ',' : '') + JSON.stringify(resource).slice(0, -1));
      let opened = false;
      for (;;) {
        while (position < buffered.length && buffered[position].index === index) {
          const element = JSON.stringify(buffered[position].element);
          await write(opened ? ',' + element : `,"${body.streamed?.name}":[` + element);
          opened = true;
          position += 1;
        }
        if (position < buffered.length || !iterator || pending?.done) break;
        pending = await iterator.next();
        buffered = pending.done ? [] : pending.value;
        position = 0;
      }
      await write(opened ? ']}' : '}');
    }
    if (iterator && !pending?.done) await iterator.return?.();
    res.end(body.list ? ']}' : '');
  } catch (error) {
    await iterator?.return?.();
    logger.error(`response cut short: ${error instanceof Error ? error.message : String(error)}`);
    res.destroy();
  }
}
