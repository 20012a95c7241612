import type { AuthFailureReason } from '../auth/auth-outcome';
import type { ScimError } from '../scim/errors/scim-error';
import type { ClientKind } from './client-recognition';
import type { FailureCode } from './failure-hints';

/** A PATCH operation as the log keeps it: what it did and where, never its value. */
export interface OperationSummary {
  op: string;
  path: string | null;
}

/** One row of `activity_entry` as the request left it (`count` > 1 once a counted entry adds up). */
export interface ActivityRecord {
  tenantId: string;
  id: string;
  at: Date;
  lastAt: Date;
  /** A per-minute tally (unauthenticated requests, successful reads) rather than one request. */
  aggregated: boolean;
  count: number;
  requestId: string | null;
  durationMs: number;
  client: ClientKind;
  userAgent: string | null;
  contentType: string | null;
  clientAddress: string | null;
  tokenId: string | null;
  method: string;
  route: string | null;
  query: string | null;
  resourceType: string | null;
  resourceId: string | null;
  userName: string | null;
  operations: OperationSummary[] | null;
  status: number;
  scimType: string | null;
  detail: string | null;
  errorCode: FailureCode | null;
  authFailure: AuthFailureReason | null;
  requestBody: string | null;
  requestBodyTruncated: boolean;
  responseBody: string | null;
  responseBodyTruncated: boolean;
}

/**
 * A finished request as the activity log sees it. What a per-minute tally needs is at hand; the
 * whole record is built (once) only when the request is listed or starts a tally.
 */
export interface Observation {
  tenantId: string;
  at: Date;
  status: number;
  client: ClientKind;
  durationMs: number;
  /** The raw User-Agent (a tally keeps its latest). */
  userAgent: string | null;
  tokenId: string | null;
  /** It carried a valid token (its tokenId is the tenant's "token used last"). */
  authenticated: boolean;
  /** Set when the request adds to a per-minute tally: the tally's key within its tenant. */
  tallyKey: string | null;
  record(): ActivityRecord;
}

/**
 * One operation a request carried out as if sent alone (an operation of a Bulk request): the log
 * lists it as an entry of its own, with the request's id, in place of the request itself.
 */
export interface CarriedOperation {
  at: Date;
  durationMs: number;
  method: string;
  /** The resource type's endpoint, `/Users`, and the resource's id (a create's new one). */
  endpoint: string | null;
  resourceId: string | null;
  /** The operation's `data`, the body it would have had alone. */
  body: unknown;
  status: number;
  error: ScimError | null;
}

declare module 'express-serve-static-core' {
  interface Locals {
    /** Set by a route whose request carries operations of their own (Bulk). */
    carriedOperations?: CarriedOperation[];
  }
}
