import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './helpers/spawned-server';
import { createTestApp } from './helpers/test-app';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('The generated admin key', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rollcall-admin-key-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const adminStatus = async (url: string, key: string) =>
    (await fetch(`${url}/admin/tenants?limit=1`, { headers: { Authorization: `Bearer ${key}` } })).status;

  it('is printed once on stderr, kept only as a hash, and rotated by a command', async () => {
    const server = await spawnServer({ ADMIN_API_KEY: '', DATA_DIR: dataDir });
    let key: string;
    try {
      const printed = /export ADMIN_KEY=(rca_[A-Za-z0-9_-]{43})\n/.exec(server.stderr());
      expect(printed).not.toBeNull();
      key = printed![1];
      expect(server.stdout()).not.toContain(key);
      const file = join(dataDir, 'admin-api-key.sha256');
      expect(readFileSync(file, 'utf8')).toBe(`${sha256(key)}\n`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).not.toContain(key);
      expect(await adminStatus(server.url, key)).toBe(200);
      expect(await adminStatus(server.url, 'rca_wrong-key-0123456789')).toBe(401);

      const rotate = spawnSync(process.execPath, ['-r', 'ts-node/register', 'src/auth/admin-key-rotate.ts'], {
        cwd: join(__dirname, '..'),
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ADMIN_API_KEY: '', DATA_DIR: dataDir },
      });
      expect(rotate.status).toBe(0);
      expect(rotate.stdout.toString()).toBe('');
      const rotated = /export ADMIN_KEY=(rca_[A-Za-z0-9_-]{43})\n/.exec(rotate.stderr.toString());
      expect(rotated).not.toBeNull();
      const next = rotated![1];
      expect(readFileSync(file, 'utf8')).toBe(`${sha256(next)}\n`);
      // The running server takes the new key within seconds, and the old one stops working.
      const deadline = Date.now() + 5000;
      while ((await adminStatus(server.url, next)) !== 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await adminStatus(server.url, next)).toBe(200);
      expect(await adminStatus(server.url, key)).toBe(401);
    } finally {
      server.kill();
      await server.exited;
    }
    // A later start does not show any key.
    const again = await spawnServer({ ADMIN_API_KEY: '', DATA_DIR: dataDir });
    try {
      expect(again.stderr()).not.toMatch(/rca_/);
      expect(again.stderr()).toContain('Admin API key: generated earlier');
    } finally {
      again.kill();
    }
  }, 60_000);

  it('refuses to rotate a key that comes from ADMIN_API_KEY', () => {
    const rotate = spawnSync(process.execPath, ['-r', 'ts-node/register', 'src/auth/admin-key-rotate.ts'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', DATA_DIR: dataDir },
    });
    expect(rotate.status).toBe(1);
    expect(rotate.stderr.toString()).toBe(
      'ADMIN_API_KEY is set: the admin key comes from it; change that variable instead\n',
    );
    expect(existsSync(join(dataDir, 'admin-api-key.sha256'))).toBe(false);
  });

  it('turns a key file of an earlier release into its hash, and the key keeps working', async () => {
    const legacy = 'rca_' + 'L'.repeat(43);
    writeFileSync(join(dataDir, 'admin-api-key'), `${legacy}\n`, { mode: 0o600 });
    const t = await createTestApp({ env: { ADMIN_API_KEY: '', DATA_DIR: dataDir } });
    try {
      await t.http.get('/admin/tenants?limit=1').set('Authorization', `Bearer ${legacy}`).expect(200);
      expect(existsSync(join(dataDir, 'admin-api-key'))).toBe(false);
      expect(readFileSync(join(dataDir, 'admin-api-key.sha256'), 'utf8')).toBe(`${sha256(legacy)}\n`);
    } finally {
      await t.close();
    }
  });
});
