import { PROBLEM_MEDIA_TYPE } from '../../src/common/problem-details';
import { SCIM_ERROR_SCHEMA } from '../../src/scim/errors/scim-error';

/** What an error response carried, as the client received it. */
export interface ErrorResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text (empty when there was none). */
  text: string;
}

function parsed(text: string): Record<string, unknown> | null {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Why an error response on a /scim route is not a SCIM Error document (RFC 7644 §3.12) as
 * application/scim+json, or null when it is one.
 */
export function scimErrorProblem(response: ErrorResponse): string | null {
  const mediaType = 'application/scim+json';
  const contentType = String(response.headers['content-type'] ?? '');
  if (contentType.split(';')[0].trim().toLowerCase() !== mediaType) {
    return `Content-Type is ${contentType || '(none)'}, not ${mediaType}`;
  }
  const body = parsed(response.text);
  if (!body) return `the body is not a JSON object: ${response.text.slice(0, 200)}`;
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || schemas.length !== 1 || schemas[0] !== SCIM_ERROR_SCHEMA) {
    return `schemas is ${JSON.stringify(schemas)}, not ["${SCIM_ERROR_SCHEMA}"]`;
  }
  if (body.status !== String(response.status)) {
    return `status is ${JSON.stringify(body.status)}, not "${response.status}"`;
  }
  if (typeof body.detail !== 'string' || body.detail === '') return 'detail is not a non-empty string';
  return null;
}

/**
 * Why an error response on an /admin route is not in the admin API's error format, or null when it
 * is: RFC 9457 problem details (application/problem+json with type, title, status and detail).
 */
export function adminErrorProblem(response: ErrorResponse): string | null {
  const contentType = String(response.headers['content-type'] ?? '');
  if (contentType.split(';')[0].trim().toLowerCase() !== PROBLEM_MEDIA_TYPE) {
    return `Content-Type is ${contentType || '(none)'}, not ${PROBLEM_MEDIA_TYPE}`;
  }
  const body = parsed(response.text);
  if (!body) return `the body is not a JSON object: ${response.text.slice(0, 200)}`;
  if (body.status !== response.status)
    return `status is ${JSON.stringify(body.status)}, not ${response.status}`;
  for (const field of ['type', 'title', 'detail']) {
    if (typeof body[field] !== 'string' || body[field] === '') return `${field} is not a non-empty string`;
  }
  if ('schemas' in body) return 'a problem details document carries no schemas';
  return null;
}
