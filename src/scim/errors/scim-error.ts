/** The `scimType` error keywords of RFC 7644 §3.12. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/**
 * A failure's stable name where status and scimType alone do not tell it apart (two different 403s).
 * Never sent to the client; the activity log keeps it and gives its hint (src/activity/failure-hints.ts).
 */
export type ScimErrorCode = 'seat_limit_reached' | 'scim_disabled';

export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The body of every error response (RFC 7644 §3.12). */
export interface ScimErrorBody {
  schemas: [typeof SCIM_ERROR_SCHEMA];
  status: string;
  scimType?: ScimType;
  detail: string;
}

/**
 * Thrown from anywhere (service, core, guard) to answer with a SCIM error. `detail` is shown to the
 * IdP admin verbatim, so it says what was wrong in plain words.
 */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
    readonly headers: Record<string, string> = {},
    readonly code?: ScimErrorCode,
  ) {
    super(detail);
  }

  /** Authenticated, but not allowed: 403, named by its code. */
  static forbidden(detail: string, code: ScimErrorCode): ScimError {
    return new ScimError(403, detail, undefined, {}, code);
  }

  static badRequest(scimType: ScimType, detail: string): ScimError {
    return new ScimError(400, detail, scimType);
  }

  static notFound(detail: string): ScimError {
    return new ScimError(404, detail);
  }

  static conflict(detail: string): ScimError {
    return new ScimError(409, detail, 'uniqueness');
  }

  /**
   * The truth about a fault the client may retry (database down, a timeout, busy): 503 with the
   * seconds to wait, which Okta and Entra honour (RFC 9110 §10.2.3).
   */
  static unavailable(detail: string, retryAfterSeconds: number): ScimError {
    return new ScimError(503, detail, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }

  /** Over a rate limit: 429 with the seconds until a request would be let through (RFC 6585 §4). */
  static tooManyRequests(detail: string, retryAfterSeconds: number): ScimError {
    return new ScimError(429, detail, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }

  /** The same answer for every authentication failure, so nobody learns whether a tenant exists. */
  static unauthorized(): ScimError {
    return new ScimError(401, 'A valid bearer token is required', undefined, {
      'WWW-Authenticate': 'Bearer realm="Rollcall"',
    });
  }

  toBody(): ScimErrorBody {
    return {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: this.detail,
    };
  }
}
