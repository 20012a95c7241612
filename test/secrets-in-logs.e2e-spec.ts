import { USER_SCHEMA as USER } from '../src/scim/schema/urns';
import { LogCapture } from './helpers/log-capture';
import { admin, createTenant, createTestApp, scim, TestApp, TestTenant } from './helpers/test-app';

/**
 * A database error carries the statement's parameters (TypeORM's QueryFailedError) and often the
 * values in its message and detail; none of them may reach the log. Test triggers make the writes
 * fail, and only for the rows of this file.
 */
describe('Secrets in logs', () => {
  let t: TestApp;
  let tenant: TestTenant;
  const logs = new LogCapture();
  beforeAll(async () => {
    t = await createTestApp({ logStream: logs });
    tenant = await createTenant(t);
    await t.db.query(`
      CREATE OR REPLACE FUNCTION rollcall_test_refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'refused row %', to_jsonb(NEW)::text USING DETAIL = to_jsonb(NEW)::text;
      END
      $$`);
    await t.db.query(`
      CREATE TRIGGER rollcall_test_refuse_user BEFORE INSERT ON scim_user FOR EACH ROW
        WHEN (NEW.user_name LIKE 'log-secret-%') EXECUTE FUNCTION rollcall_test_refuse_write()`);
    await t.db.query(`
      CREATE TRIGGER rollcall_test_refuse_webhook BEFORE INSERT ON webhook_endpoint FOR EACH ROW
        WHEN (NEW.description = 'log-secret-test') EXECUTE FUNCTION rollcall_test_refuse_write()`);
  });
  afterAll(async () => {
    await t.db.query('DROP TRIGGER IF EXISTS rollcall_test_refuse_user ON scim_user');
    await t.db.query('DROP TRIGGER IF EXISTS rollcall_test_refuse_webhook ON webhook_endpoint');
    await t.db.query('DROP FUNCTION IF EXISTS rollcall_test_refuse_write()');
    await t.close();
  });

  const errorLines = () => logs.lines.filter((l) => l.level === 50);

  it('logs a failed write of a user with a password without its hash, its name or any value sent', async () => {
    const res = await scim(t, tenant)
      .post('/Users', {
        schemas: [USER],
        userName: 'log-secret-jane@acme.com',
        name: { givenName: 'Janelle', familyName: 'Secretname' },
        externalId: 'ext-log-secret-0042',
        password: 'Pl4in-Passw0rd!',
      })
      .set('X-Request-Id', 'req-log-secret-user')
      .expect(500);
    expect(res.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '500',
      detail: 'An unexpected error occurred (request id req-log-secret-user)',
    });
    const line = errorLines().find((l) => l.requestId === 'req-log-secret-user');
    expect(line).toMatchObject({
      err: { code: 'P0001', query: expect.stringContaining('INSERT INTO scim_user') },
    });
    expect(JSON.stringify(line)).toContain('[redacted]');
    for (const value of [
      'scrypt$',
      'Pl4in-Passw0rd!',
      'log-secret-jane',
      'Janelle',
      'Secretname',
      'ext-log-secret-0042',
    ]) {
      expect(logs.text).not.toContain(value);
    }
    expect(logs.text).not.toContain('"parameters"');
    const stored = await t.db.query(
      `SELECT count(*)::int AS n FROM scim_user WHERE user_name LIKE 'log-secret-%'`,
    );
    expect(stored[0].n).toBe(0);
  });

  it('logs a failed write of a webhook endpoint without its secret or its URL', async () => {
    await admin(t)
      .post(`/admin/tenants/${tenant.id}/webhooks`, {
        url: 'http://127.0.0.1:9/log-secret-path',
        description: 'log-secret-test',
      })
      .set('X-Request-Id', 'req-log-secret-webhook')
      .expect(500);
    const line = errorLines().find((l) => l.requestId === 'req-log-secret-webhook');
    expect(line).toMatchObject({
      err: {
        code: 'P0001',
        message: expect.stringContaining('[redacted]'),
        query: expect.stringContaining('webhook_endpoint'),
      },
    });
    expect(logs.text).not.toContain('whsec_');
    expect(logs.text).not.toContain('log-secret-path');
    const stored = await t.db.query(`SELECT count(*)::int AS n FROM webhook_endpoint WHERE tenant_id = $1`, [
      tenant.id,
    ]);
    expect(stored[0].n).toBe(0);
  });
});
