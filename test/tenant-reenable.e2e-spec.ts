import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { spawnServer, stopServer } from './helpers/spawned-server';
import { waitFor } from './helpers/wait';
import { admin, createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';

const onServer = process.env.ROLLCALL_TEST_DATABASE !== 'embedded';
const itOnServer = onServer ? it : it.skip;

async function cacheMode(t: TestApp): Promise<string> {
  const res = await t.http.get('/health/ready').expect(200);
  return (res.body as { info: { tokenCache: { mode: string } } }).info.tokenCache.mode;
}

const status = async (t: TestApp, tenant: TestTenant) =>
  (await scim(t, tenant).get('/ServiceProviderConfig')).status;

/** Disables the tenant through `writer`, waits until `reader` refuses it, then enables it again. */
async function disableThenEnable(writer: TestApp, reader: TestApp, tenant: TestTenant): Promise<void> {
  expect(await status(reader, tenant)).toBe(200);
  expect(await status(reader, tenant)).toBe(200);
  await admin(writer).patch(`/admin/tenants/${tenant.id}`, { enabled: false }).expect(200);
  expect(await waitFor(1000, async () => (await status(reader, tenant)) === 401)).not.toBeNull();
  // Refused again, so that a cached "disabled" answer would be the one in memory.
  expect(await status(reader, tenant)).toBe(401);
  await admin(writer).patch(`/admin/tenants/${tenant.id}`, { enabled: true }).expect(200);
}

describe('Re-enabling a tenant', () => {
  itOnServer('restores access at once in the process that enabled it and in every other', async () => {
    const a = await createTestApp();
    const b = await createTestApp();
    try {
      expect(await waitFor(3000, async () => (await cacheMode(a)) === 'listening')).not.toBeNull();
      expect(await waitFor(3000, async () => (await cacheMode(b)) === 'listening')).not.toBeNull();
      const tenant = await createTenant(a);

      await disableThenEnable(a, b, tenant);
      expect(await status(b, tenant)).toBe(200);

      await disableThenEnable(a, a, tenant);
      expect(await status(a, tenant)).toBe(200);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('restores access at once on the embedded database, where the process caches alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rollcall-reenable-'));
    const server = await spawnServer(
      {
        DATABASE_URL: undefined,
        DATA_DIR: dataDir,
        RUN_MIGRATIONS: 'true',
        TOKEN_CACHE_SECONDS: '60',
      },
      { waitFor: '/health/ready' },
    );
    try {
      // The spawned process stands where a TestApp would: same helpers, over real HTTP.
      const t = { http: request(server.url) } as TestApp;
      expect(await cacheMode(t)).toBe('local');
      const tenant = await createTenant(t);
      await disableThenEnable(t, t, tenant);
      expect(await status(t, tenant)).toBe(200);
    } finally {
      await stopServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000); // a server started from sources, with a new embedded database: slow on a busy machine
});
