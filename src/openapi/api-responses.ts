import { applyDecorators } from '@nestjs/common';
import { ApiConsumes, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPES } from '../common/problem-details';
import { SCIM_MEDIA_TYPE } from '../scim/http/media-types';
import { SCIM_ERROR_SCHEMA } from '../scim/errors/scim-error';

/** The error statuses the API answers, each with what it means in one line. */
const ERROR_DESCRIPTIONS = {
  400: 'The request is not valid (a field, a query parameter or the JSON itself)',
  401: 'No valid bearer token (WWW-Authenticate: Bearer)',
  403: 'Authenticated but not allowed',
  404: 'No such resource',
  405: 'The path does not answer this method (Allow lists those it does)',
  409: 'The value conflicts with an existing one',
  410: 'What the cursor asks for is no longer held (events retention)',
  412: 'If-Match names a version that is no longer current',
  413: 'The request body is over 1 MB',
  415: 'The request body is not JSON',
  429: 'Too many requests; retry after Retry-After seconds',
  500: 'An unexpected error, logged with its request id (a bug: please report it)',
  501: 'Not implemented',
  503: 'The database is unavailable or busy; retry after Retry-After seconds',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

export const PROBLEM_DETAILS_SCHEMA = 'ProblemDetails';
const problemRef = { $ref: `#/components/schemas/${PROBLEM_DETAILS_SCHEMA}` };
const scimErrorRef = { $ref: '#/components/schemas/ScimError' };

/** The RFC 9457 document every admin error is (src/common/problem-details.ts). */
export const problemDetailsSchema: SchemaObject = {
  type: 'object',
  description: 'An admin API error: RFC 9457 problem details.',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: {
      type: 'string',
      description: `What kind of problem: about:blank (the status says it all), or one of ${Object.values(PROBLEM_TYPES).join(', ')}.`,
      example: PROBLEM_TYPES.validation,
    },
    title: { type: 'string', example: 'The request is not valid' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'seatLimit must not be less than 0' },
    errors: {
      type: 'array',
      description: 'A refused request: each field refused, named by its path in the body or query.',
      items: {
        type: 'object',
        required: ['field', 'detail'],
        properties: {
          field: { type: 'string', example: 'seatLimit' },
          detail: { type: 'string', example: 'seatLimit must not be less than 0' },
        },
      },
    },
  },
};

/** Admin API errors: problem details, `application/problem+json`. */
export function AdminErrors(...statuses: ErrorStatus[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_DESCRIPTIONS[status],
        content: { [PROBLEM_MEDIA_TYPE]: { schema: problemRef } },
      }),
    ),
  );
}

/**
 * What every admin route may answer: a refused query or body (400, 413, 415), no admin key (401),
 * too many failed keys from one address (429), a bug (500), the database unavailable (503). Put on
 * the controller.
 */
export function AdminApi() {
  return AdminErrors(400, 401, 413, 415, 429, 500, 503);
}

/** SCIM API errors: the SCIM Error document (RFC 7644 §3.12), `application/scim+json`. */
export function ScimErrors(...statuses: ErrorStatus[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERROR_DESCRIPTIONS[status],
        content: { [SCIM_MEDIA_TYPE]: { schema: scimErrorRef } },
      }),
    ),
  );
}

/**
 * A SCIM controller: its answers are `application/scim+json` (RFC 7644 §3.1), it reads that or plain
 * JSON, and every route may answer 400, 401, 403 (the tenant turned provisioning off), 413, 415,
 * 429, 500 and 503.
 */
export function ScimApi() {
  return applyDecorators(
    ApiProduces(SCIM_MEDIA_TYPE),
    ApiConsumes(SCIM_MEDIA_TYPE, 'application/json'),
    ScimErrors(400, 401, 403, 413, 415, 429, 500, 503),
  );
}

/** The SCIM Error document's schema. */
export const scimErrorSchema: SchemaObject = {
  type: 'object',
  required: ['schemas', 'status', 'detail'],
  properties: {
    schemas: { type: 'array', items: { type: 'string', enum: [SCIM_ERROR_SCHEMA] } },
    status: { type: 'string', example: '400', description: 'The HTTP status, as a string (RFC 7644 §3.12).' },
    scimType: {
      type: 'string',
      enum: [
        'invalidFilter',
        'tooMany',
        'uniqueness',
        'mutability',
        'invalidSyntax',
        'invalidPath',
        'noTarget',
        'invalidValue',
        'invalidVers',
        'sensitive',
      ],
      example: 'invalidValue',
    },
    detail: { type: 'string', example: 'userName is required' },
  },
};
