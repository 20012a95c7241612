import { Client } from 'pg';
import { LogCapture } from './helpers/log-capture';
import { describeWithOwnCluster, useOwnCluster } from './helpers/own-cluster';
import { createTenant, scim, TestApp } from './helpers/test-app';
import { waitFor } from './helpers/wait';

async function cacheMode(t: TestApp): Promise<string> {
  const res = await t.http.get('/health/ready');
  return (res.body as { info?: { tokenCache?: { mode: string } } }).info?.tokenCache?.mode ?? 'unknown';
}

/**
 * The revocation listener's backend is frozen (SIGSTOP, on a cluster of the test's own): its
 * connection stays up, but nothing it should hear arrives. The heartbeat must notice, and turn the
 * cache off, so a token revoked meanwhile is refused at once rather than for TOKEN_CACHE_SECONDS.
 */
describeWithOwnCluster('Token cache heartbeat', () => {
  const own = useOwnCluster();
  let db: Client;
  let t: TestApp;
  const logs = new LogCapture();
  beforeAll(async () => {
    db = await own.client();
    t = await own.app({ TOKEN_CACHE_SECONDS: '60', TOKEN_CACHE_HEARTBEAT_MS: '300' }, { logStream: logs });
  });

  it('turns the cache off when a heartbeat goes unheard, and on again when one is heard', async () => {
    expect(await waitFor(3000, async () => (await cacheMode(t)) === 'listening')).not.toBeNull();
    const tenant = await createTenant(t);
    await scim(t, tenant).get('/ServiceProviderConfig').expect(200); // now in the cache
    const listener = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = 'rollcall tenant access'`,
    );
    expect(listener.rowCount).toBe(1);
    const pid = listener.rows[0].pid;

    own.cluster.signal(pid, 'SIGSTOP');
    try {
      // Revoked by hand: the trigger's notification waits in the frozen backend, unheard.
      await db.query('DELETE FROM tenant_token WHERE tenant_id = $1', [tenant.id]);
      const refusedAfter = await waitFor(2000, async () => {
        return (await scim(t, tenant).get('/ServiceProviderConfig')).status === 401;
      });
      expect(refusedAfter).not.toBeNull();
      expect(await cacheMode(t)).toBe('heartbeat-missed');
      expect(
        logs.lines.some((l) => l.level === 40 && String(l.msg).startsWith('token cache off: heartbeat')),
      ).toBe(true);
      process.stdout.write(`revoked token refused ${refusedAfter} ms after revocation (heartbeat 300 ms)\n`);
    } finally {
      own.cluster.signal(pid, 'SIGCONT');
    }
    expect(await waitFor(3000, async () => (await cacheMode(t)) === 'listening')).not.toBeNull();
    expect(logs.lines.some((l) => l.msg === 'token cache on again: heartbeats are heard')).toBe(true);
    await scim(t, tenant).get('/ServiceProviderConfig').expect(401);
  });
});
