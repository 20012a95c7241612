import { ScimError } from '../errors/scim-error';
import { isObject } from '../resource/attribute-values';
import { RawListQuery } from '../query/list-query';
import { SEARCH_REQUEST } from '../schema/urns';

/**
 * Reads a SearchRequest body (RFC 7644 §3.4.3) into the same raw parameters as a GET query; a body
 * that does not say it is one (`schemas`) is refused.
 */
export function readSearchRequest(body: unknown): RawListQuery {
  if (!isObject(body)) throw ScimError.badRequest('invalidSyntax', 'The request body must be a JSON object');
  const schemas = body.schemas;
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === SEARCH_REQUEST.toLowerCase())
  ) {
    throw ScimError.badRequest('invalidSyntax', `schemas must include "${SEARCH_REQUEST}"`);
  }
  return body;
}
