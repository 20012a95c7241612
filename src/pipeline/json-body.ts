import { SetMetadata } from '@nestjs/common';
import bodyParser from 'body-parser';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { ScimError } from '../scim/errors/scim-error';
import { checkJsonBody } from '../scim/http/json-body-checks';
import { JSON_MEDIA_TYPE, MAX_BODY_BYTES } from '../scim/http/media-types';

/** How large a JSON body a route takes, and what a 413 says when one is larger. */
export interface JsonBodyLimit {
  bytes: number;
  tooLarge: string;
}

export const JSON_BODY_LIMIT = 'rollcall:json-body-limit';

/** Every route's limit but those marked with @JsonBodyLimitOf(). */
export const DEFAULT_JSON_BODY_LIMIT: JsonBodyLimit = {
  bytes: MAX_BODY_BYTES,
  tooLarge: `The request body exceeds the limit of ${MAX_BODY_BYTES} bytes`,
};

/** The route reads a JSON body up to the limit the configuration gives (Bulk: maxPayloadSize). */
export const JsonBodyLimitOf = (limit: (config: AppConfig) => JsonBodyLimit) =>
  SetMetadata(JSON_BODY_LIMIT, limit);

/** body-parser decodes identity, gzip, deflate and br, and counts the limit on the decoded bytes. */
const parsers = new Map<number, ReturnType<typeof bodyParser.json>>();
function parserOf(bytes: number): ReturnType<typeof bodyParser.json> {
  let parse = parsers.get(bytes);
  if (!parse) {
    parse = bodyParser.json({ type: () => true, limit: bytes });
    parsers.set(bytes, parse);
  }
  return parse;
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  encoding?: string;
}

/** Whether the request announces a body (RFC 9112 §6.3: Content-Length or Transfer-Encoding). */
export function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The parser's failures in plain words, with their status. Anything else (not a client's 4xx) is
 * passed on unchanged, to be logged and answered as the unexpected error it is.
 */
function toScimError(error: BodyParserError, limit: JsonBodyLimit): Error {
  const encoding = error.encoding;
  switch (error.type) {
    case 'entity.parse.failed':
      return ScimError.badRequest('invalidSyntax', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new ScimError(413, limit.tooLarge);
    case 'encoding.unsupported':
      return new ScimError(
        415,
        `Content-Encoding ${encoding ?? '(unknown)'} is not supported: send identity, gzip, deflate or br`,
      );
    case 'charset.unsupported':
      return new ScimError(415, 'The request body charset is not supported: send UTF-8');
    case 'request.aborted':
    case 'request.size.invalid':
      return ScimError.badRequest('invalidSyntax', 'The request body ended before its announced length');
    default:
      // zlib's errors: a body that does not decode as its Content-Encoding says.
      if (error.status !== undefined && error.status >= 400 && error.status < 500) {
        return ScimError.badRequest(
          'invalidSyntax',
          'The request body could not be decoded as its Content-Encoding says (corrupt or truncated)',
        );
      }
      return error;
  }
}

/**
 * Reads and parses a JSON request body into `request.body`. Called once the route is known and the
 * caller authenticated (BodyReaderGuard), never before. A body that is not JSON (`text/plain`,
 * a form) gets 415; a missing Content-Type is read as JSON, as some clients omit it.
 */
export async function readJsonBody(
  request: Request,
  response: Response,
  limit: JsonBodyLimit = DEFAULT_JSON_BODY_LIMIT,
): Promise<void> {
  if (!hasBody(request)) return;
  const contentType = request.headers['content-type'];
  if (contentType !== undefined) {
    const mediaType = contentType.split(';')[0].trim().toLowerCase();
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      throw new ScimError(
        415,
        `Content-Type ${mediaType || '(empty)'} is not supported: send application/scim+json or application/json`,
      );
    }
  }
  await new Promise<void>((resolve, reject) => {
    parserOf(limit.bytes)(request, response, (error?: BodyParserError) => {
      if (error) reject(toScimError(error, limit));
      else resolve();
    });
  });
  // Every route's JSON passes these before any validation pipe or service sees it.
  checkJsonBody(request.body);
}
