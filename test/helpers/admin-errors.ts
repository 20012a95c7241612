import type { Response } from 'supertest';

/** What the admin API answers with every error (RFC 9457 problem details). */
export interface AdminError {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ field: string; detail: string }>;
}

/**
 * Checks that `res` is an admin API error of `status`: `application/problem+json` with type, title,
 * status and detail. Returns the body, for the test to check its detail and fields.
 */
export function expectAdminError(res: Response, status: number): AdminError {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as AdminError;
  expect(body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    }),
  );
  expect(body).not.toHaveProperty('schemas');
  return body;
}
