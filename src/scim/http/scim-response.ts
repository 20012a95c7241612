import type { Response } from 'express';
import { ScimError } from '../errors/scim-error';
import { isObject, ScimObject } from '../resource/attribute-values';
import { etagOf } from '../resource/versioning';
import { RawListQuery } from '../query/list-query';
import { SEARCH_REQUEST } from '../schema/urns';

/** Sets the headers of a single-resource response: ETag always, Location on create. */
export function withResourceHeaders(
  res: Response,
  result: { resource: ScimObject; version: number; location: string },
  created = false,
): ScimObject {
  res.setHeader('ETag', etagOf(result.version));
  if (created) res.setHeader('Location', result.location);
  return result.resource;
}

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
