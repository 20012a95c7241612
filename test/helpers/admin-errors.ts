import type { Response } from 'supertest';
import { adminErrorProblem } from './error-documents';

/** What the admin API answers with every error (RFC 9457 problem details). */
export interface AdminError {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ field: string; detail: string }>;
}

/**
 * Checks that `res` is an admin API error of `status`, in the format adminErrorProblem states
 * (`application/problem+json` with type, title, status and detail). Returns the body, for the test to
 * check its detail and fields.
 */
export function expectAdminError(res: Response, status: number): AdminError {
  expect(res.status).toBe(status);
  expect(adminErrorProblem(res)).toBeNull();
  return res.body as AdminError;
}
