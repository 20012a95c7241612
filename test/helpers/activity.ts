import { ActivityWriter } from '../../src/activity/activity-writer';
import { admin, TestApp } from './test-app';

export const OKTA = 'Okta SCIM Client 1.0.0';
export const ENTRA = 'Microsoft Azure AD SCIM provisioning 1.0.0';

/** Writes what the app has queued (the admin API does the same before it reads). */
export function flushActivity(t: TestApp): Promise<void> {
  return t.app.get(ActivityWriter).flush();
}

export interface Entry {
  id: string;
  at: string;
  aggregated: boolean;
  count: number;
  client: string;
  userAgent: string | null;
  method: string;
  route: string | null;
  resourceType: string | null;
  resourceId: string | null;
  userName: string | null;
  operations: Array<{ op: string; path: string | null }> | null;
  status: number;
  scimType: string | null;
  detail: string | null;
  authFailure: string | null;
  errorCode: string | null;
  hint: string | null;
  tokenPrefix: string | null;
  requestBody?: string | null;
  requestBodyTruncated?: boolean;
  responseBody?: string | null;
  responseBodyTruncated?: boolean;
}

/** One page of the tenant's activity through the admin API. */
export async function activity(
  t: TestApp,
  tenantId: string,
  query = '',
): Promise<{ items: Entry[]; nextCursor: string | null }> {
  const res = await admin(t)
    .get(`/admin/tenants/${tenantId}/activity${query ? `?${query}` : ''}`)
    .expect(200);
  return res.body as { items: Entry[]; nextCursor: string | null };
}

/** Every row the log holds for a tenant, each as one JSON text (to look for what must never be kept). */
export async function storedText(t: TestApp, tenantId: string): Promise<string> {
  const rows: Array<{ row: string }> = await t.db.query(
    `SELECT row_to_json(e)::text AS row FROM activity_entry e WHERE e.tenant_id = $1
     UNION ALL SELECT row_to_json(c)::text FROM activity_connection c WHERE c.tenant_id = $1`,
    [tenantId],
  );
  return rows.map((r) => r.row).join('\n');
}

/** Waits out the last 15 s of a minute, so requests a test expects in one per-minute tally share it. */
export async function clearOfMinuteEnd(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 50));
}
