import type { AuthFailureReason } from '../auth/auth-outcome';
import type { ScimErrorCode, ScimType } from '../scim/errors/scim-error';

/**
 * The failures a tenant's admin can act on, each with the hint the activity log and the portal show
 * beside it. One table: a code is added here with its hint, and `failureCodeOf` names when it applies.
 */
export const FAILURE_HINTS = {
  user_not_found: 'The IdP holds an id this tenant no longer has: unassign and reassign the user in the IdP.',
  group_not_found:
    'The IdP holds a group id this tenant no longer has: stop pushing the group in the IdP, then push it again.',
  seat_limit_reached: 'Every seat of the plan is in use: ask your vendor for more seats.',
  user_name_taken: 'A user with this userName already exists: link it in the IdP or change the userName.',
  display_name_taken: 'A group with this displayName already exists: link it in the IdP or rename the group.',
  token_revoked: 'The token in the IdP was revoked or has expired: generate a new one.',
  token_expired: 'The token in the IdP was revoked or has expired: generate a new one.',
  token_missing:
    'The IdP sent no bearer token: set the authentication to an HTTP header bearer token (Okta: Authentication Mode: HTTP Header).',
  token_unknown:
    'The token the IdP sent is not one of this tenant’s: paste the token again, or generate a new one.',
  token_of_another_tenant:
    'The token belongs to another tenant: check the SCIM base URL (Tenant URL) set in the IdP.',
  tenant_disabled: 'Your vendor has disabled this organisation: contact your vendor.',
  scim_disabled: 'SCIM provisioning is turned off in the setup page.',
  rate_limited: 'The IdP sent more requests than the plan allows at once; it retries by itself.',
  too_many_failed_authentications:
    'Too many requests from this address failed to authenticate: fix the token in the IdP, then wait a few minutes.',
  invalid_path:
    'The IdP sent an attribute this service does not know: check the attribute mappings in the IdP.',
  invalid_value:
    'The IdP sent a value this service cannot take (the detail names it): check the attribute mapping.',
  no_target: 'The IdP changed a value that is not there: import the user or group again in the IdP.',
  read_only: 'The IdP tried to change a read-only attribute: remove it from the attribute mappings.',
  invalid_filter:
    'The IdP searched with a filter this service cannot read: check the unique identifier field (userName).',
  invalid_request: 'The IdP sent a request this service cannot read: the detail says what is wrong.',
  unknown_endpoint:
    'No such SCIM endpoint: check that the SCIM base URL (Tenant URL) in the IdP is exactly the one of the setup page.',
} as const;

export type FailureCode = keyof typeof FAILURE_HINTS;

export function hintOf(code: string | null): string | null {
  return code !== null && code in FAILURE_HINTS ? FAILURE_HINTS[code as FailureCode] : null;
}

/** What the HTTP layer knows of a failed request. */
export interface ObservedFailure {
  status: number;
  scimType?: ScimType;
  code?: ScimErrorCode;
  authFailure: AuthFailureReason | null;
  /** The request carried a valid token. */
  authenticated: boolean;
  resourceType: string | null;
  /** The route names one resource (`/Users/:id`), not a collection. */
  oneResource: boolean;
  /** A route matched the path (else the 404 is the router's: a wrong base URL). */
  routed: boolean;
}

const AUTH_FAILURES: Record<AuthFailureReason, FailureCode> = {
  no_token: 'token_missing',
  malformed: 'token_unknown',
  unknown: 'token_unknown',
  revoked: 'token_revoked',
  expired: 'token_expired',
  wrong_tenant: 'token_of_another_tenant',
  tenant_disabled: 'tenant_disabled',
};

const BAD_REQUESTS: Partial<Record<ScimType, FailureCode>> = {
  invalidPath: 'invalid_path',
  invalidValue: 'invalid_value',
  noTarget: 'no_target',
  mutability: 'read_only',
  invalidFilter: 'invalid_filter',
  invalidSyntax: 'invalid_request',
  tooMany: 'invalid_request',
};

/** The failure's code, or null when no hint would help (a 5xx, a 412 the IdP handles itself). */
export function failureCodeOf(failure: ObservedFailure): FailureCode | null {
  if (failure.code) return failure.code;
  if (failure.authFailure) return AUTH_FAILURES[failure.authFailure];
  const user = failure.resourceType === 'User';
  const group = failure.resourceType === 'Group';
  switch (failure.status) {
    case 400:
      return failure.scimType ? (BAD_REQUESTS[failure.scimType] ?? null) : 'invalid_request';
    case 404:
      if (!failure.routed) return 'unknown_endpoint';
      if (!failure.oneResource) return null;
      return user ? 'user_not_found' : group ? 'group_not_found' : null;
    case 409:
      if (failure.scimType !== 'uniqueness') return null;
      return user ? 'user_name_taken' : group ? 'display_name_taken' : null;
    case 429:
      return failure.authenticated ? 'rate_limited' : 'too_many_failed_authentications';
    default:
      return null;
  }
}
