import bodyParser from 'body-parser';
import type { Request, Response } from 'express';
import { ScimError } from '../scim/errors/scim-error';
import { checkJsonBody } from '../scim/http/json-body-checks';
import { JSON_MEDIA_TYPE, MAX_BODY_BYTES } from '../scim/http/media-types';

/** body-parser decodes identity, gzip, deflate and br, and counts the limit on the decoded bytes. */
const parse = bodyParser.json({ type: () => true, limit: MAX_BODY_BYTES });

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
function toScimError(error: BodyParserError): Error {
  const encoding = error.encoding;
  switch (error.type) {
    case 'entity.parse.failed':
      return ScimError.badRequest('invalidSyntax', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new ScimError(413, `The request body exceeds the limit of ${MAX_BODY_BYTES} bytes`);
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
 * caller authenticated (BodyReaderInterceptor), never before. A body that is not JSON (`text/plain`,
 * a form) gets 415; a missing Content-Type is read as JSON, as some clients omit it.
 */
export async function readJsonBody(request: Request, response: Response): Promise<void> {
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
    parse(request, response, (error?: BodyParserError) => {
      if (error) reject(toScimError(error));
      else resolve();
    });
  });
  // Every route's JSON passes these before any validation pipe or service sees it.
  checkJsonBody(request.body);
}
