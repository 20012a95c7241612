import { STATUS_CODES } from 'node:http';
import type { ValidationError } from 'class-validator';
import { ScimError } from '../scim/errors/scim-error';

/** RFC 9457 §3: the media type of a problem details document. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** One refused field of a request, named by its path in the body or query (`scimRateLimit.burst`). */
export interface FieldError {
  field: string;
  detail: string;
}

/** An admin API error body (RFC 9457): what the SaaS's backend reads, where an IdP reads a SCIM Error. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Validation failures only: each refused field. */
  errors?: FieldError[];
}

/** A request whose fields failed the DTO's validation: 400, each field named. */
export class InvalidFieldsError extends ScimError {
  constructor(
    readonly fields: FieldError[],
    scimType: 'invalidSyntax' | 'invalidValue' = 'invalidSyntax',
  ) {
    super(400, fields.map((f) => f.detail).join('; '), scimType);
  }

  /** One field whose value the rules refuse (a past expiresAt, a private webhook URL). */
  static invalidValue(field: string, detail: string): InvalidFieldsError {
    return new InvalidFieldsError([{ field, detail }], 'invalidValue');
  }

  /** The global ValidationPipe's exceptionFactory: class-validator's tree flattened to field paths. */
  static fromValidation(errors: ValidationError[]): InvalidFieldsError {
    return new InvalidFieldsError(errors.flatMap((e) => fieldErrors(e, '')));
  }
}

function fieldErrors(error: ValidationError, parent: string): FieldError[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({
    field,
    detail: parent ? `${parent}.${message}` : message,
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => fieldErrors(child, field))];
}

/**
 * Problem types: one per kind of failure the admin API answers. `about:blank` (RFC 9457 §4.2.1) where
 * the status says it all; its title is then the status phrase.
 */
export const PROBLEM_TYPES = {
  validation: 'urn:rollcall:problem:validation',
  invalidValue: 'urn:rollcall:problem:invalid-value',
  uniqueness: 'urn:rollcall:problem:conflict',
  seatLimit: 'urn:rollcall:problem:seat-limit-reached',
} as const;

const TITLES: Record<string, string> = {
  [PROBLEM_TYPES.validation]: 'The request is not valid',
  [PROBLEM_TYPES.invalidValue]: 'A value in the request is not acceptable',
  [PROBLEM_TYPES.uniqueness]: 'The value is already taken',
  [PROBLEM_TYPES.seatLimit]: 'The seat limit is reached',
};

function problemType(error: ScimError): string {
  if (error instanceof InvalidFieldsError && error.scimType === 'invalidSyntax')
    return PROBLEM_TYPES.validation;
  if (error.code === 'seat_limit_reached') return PROBLEM_TYPES.seatLimit;
  if (error.scimType === 'uniqueness') return PROBLEM_TYPES.uniqueness;
  if (error.status === 400 && error.scimType === 'invalidSyntax') return PROBLEM_TYPES.validation;
  if (error.status === 400 && error.scimType) return PROBLEM_TYPES.invalidValue;
  return 'about:blank';
}

/** The RFC 9457 document of an error the admin API answers. */
export function problemDetailsOf(error: ScimError): ProblemDetails {
  const type = problemType(error);
  return {
    type,
    title: TITLES[type] ?? STATUS_CODES[error.status] ?? 'Error',
    status: error.status,
    detail: error.detail,
    ...(error instanceof InvalidFieldsError ? { errors: error.fields } : {}),
  };
}
