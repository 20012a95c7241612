import createClient from 'openapi-fetch';
import type { paths } from './rollcall-api';

/** A client generated from openapi.json: what a SaaS's backend would write against Rollcall. */
export type RollcallClient = ReturnType<typeof createClient<paths>>;

export function rollcallClient(baseUrl: string, adminKey: string): RollcallClient {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${adminKey}` } });
}

export interface OperatorFlowResult {
  tenantId: string;
  scimBaseUrl: string;
  token: string;
  seatsUsed: number;
  seatLimit: number | null;
  eventTypes: string[];
  eventCursor: string;
  webhookId: string;
  webhookSecret: string;
}

/** Throws with the problem's detail when the admin API refused a call. */
function required<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined) {
    const detail = (result.error as { detail?: string } | undefined)?.detail ?? 'no detail';
    throw new Error(`${what} answered ${result.response.status}: ${detail}`);
  }
  return result.data;
}

/**
 * The operator's whole flow, as typed by the generated client: create a tenant linked to the
 * product's account, issue a token (its answer holds the SCIM base URL), let the IdP create a user,
 * read the seats and the events, and register a webhook.
 */
export async function operatorFlow(
  client: RollcallClient,
  externalId: string,
  provision: (scimBaseUrl: string, token: string) => Promise<void>,
  webhookUrl: string,
): Promise<OperatorFlowResult> {
  const tenant = required(
    await client.POST('/admin/tenants', { body: { name: 'Acme', seatLimit: 10, externalId } }),
    'create tenant',
  );
  const found = required(
    await client.GET('/admin/tenants', { params: { query: { externalId } } }),
    'find tenant',
  );
  if (found.items[0]?.id !== tenant.id) throw new Error('the tenant is not found by its externalId');

  const issued = required(
    await client.POST('/admin/tenants/{tenantId}/tokens', {
      params: { path: { tenantId: tenant.id } },
      body: { description: 'Okta' },
    }),
    'issue token',
  );
  await provision(issued.scimBaseUrl, issued.token);

  const seats = required(
    await client.GET('/admin/tenants/{tenantId}/seats', {
      params: { path: { tenantId: tenant.id }, query: { limit: 10 } },
    }),
    'read seats',
  );
  const events = required(
    await client.GET('/admin/tenants/{tenantId}/events', {
      params: { path: { tenantId: tenant.id }, query: { after: '0' } },
    }),
    'read events',
  );
  const webhook = required(
    await client.POST('/admin/tenants/{tenantId}/webhooks', {
      params: { path: { tenantId: tenant.id } },
      body: { url: webhookUrl, eventTypes: ['user.created'] },
    }),
    'register webhook',
  );
  return {
    tenantId: tenant.id,
    scimBaseUrl: issued.scimBaseUrl,
    token: issued.token,
    seatsUsed: seats.used,
    seatLimit: seats.limit,
    eventTypes: events.items.map((e) => e.type),
    eventCursor: events.cursor,
    webhookId: webhook.id,
    webhookSecret: webhook.secret,
  };
}
