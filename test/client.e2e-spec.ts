import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response as TestResponse } from 'supertest';
import ts from 'typescript';
import { execFileSync } from 'node:child_process';
import { operatorFlow, rollcallClient } from './client/operator-flow';
import { freePort } from './helpers/free-port';
import { checkedInDocument, OpenApiContract } from './helpers/openapi-contract';
import { ADMIN_KEY, createTestApp, TestApp } from './helpers/test-app';

const FLOW_FILE = join(__dirname, 'client', 'operator-flow.ts');
const CLIENT_TYPES_FILE = join(__dirname, 'client', 'rollcall-api.d.ts');

/** What openapi-typescript generates from openapi.json now (test/client/generate-client-types.ts). */
function generatedTypes(): string {
  return execFileSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      join(__dirname, 'client', 'generate-client-types.ts'),
      '--stdout',
    ],
    { cwd: join(__dirname, '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
}

/** tsc, with the project's own compiler options, on `files`: the diagnostics it reports. */
function typeCheck(files: string[]): string[] {
  const configFile = join(__dirname, '..', 'tsconfig.json');
  const { config } = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path)) as { config: unknown };
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, join(__dirname, '..'));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true, incremental: false });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('A client generated from openapi.json (openapi-typescript + openapi-fetch)', () => {
  it('is generated from the checked-in document (run `npm run openapi` after changing the API)', () => {
    expect(generatedTypes()).toBe(readFileSync(CLIENT_TYPES_FILE, 'utf8'));
  });

  it('type-checks the operator flow, and refuses a call the document does not allow', () => {
    expect(typeCheck([FLOW_FILE])).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'rollcall-client-'));
    try {
      const misuse = join(dir, 'misuse.ts');
      writeFileSync(
        misuse,
        `import { rollcallClient } from ${JSON.stringify(FLOW_FILE.replace(/\.ts$/, ''))};\n` +
          `const client = rollcallClient('http://localhost', 'key');\n` +
          `void client.POST('/admin/tenants', { body: { nme: 'Acme' } });\n` +
          `void client.GET('/admin/tenants/{tenantId}/seats', { params: { path: {} } });\n`,
      );
      const diagnostics = typeCheck([misuse]);
      expect(diagnostics).toHaveLength(2);
      expect(diagnostics.join('\n')).toMatch(/'nme' does not exist/);
      expect(diagnostics.join('\n')).toMatch(/tenantId/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('driving the operator flow', () => {
    let t: TestApp;
    let server: Server;
    let base: string;
    beforeAll(async () => {
      t = await createTestApp();
      const port = await freePort();
      server = t.app.getHttpServer();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${port}`;
    });
    afterAll(() => t.close());

    it('creates a tenant, issues a token, reads seats and events and registers a webhook', async () => {
      const client = rollcallClient(base, ADMIN_KEY);
      // Every answer the client receives is checked against the document, as the e2e tests' are.
      const contract = new OpenApiContract(checkedInDocument());
      const problems: string[] = [];
      client.use({
        async onResponse({ request, response }) {
          const text = await response.clone().text();
          const res = {
            status: response.status,
            headers: { 'content-type': response.headers.get('content-type') ?? '' },
            text,
            body: text ? (JSON.parse(text) as unknown) : {},
          } as unknown as TestResponse;
          const problem = contract.problem(request.method, new URL(request.url).pathname, res, false);
          if (problem) problems.push(problem);
        },
      });
      const externalId = `acct_${Date.now()}`;
      const result = await operatorFlow(
        client,
        externalId,
        async (scimBaseUrl, token) => {
          // The IdP, given the two things the token answer holds (behind PUBLIC_URL: here, directly).
          const created = await fetch(`${base}${new URL(scimBaseUrl).pathname}/Users`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/scim+json' },
            body: JSON.stringify({
              schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
              userName: 'jane.doe@acme.com',
              active: true,
            }),
          });
          expect(created.status).toBe(201);
        },
        'http://127.0.0.1:9/hooks/rollcall',
      );
      expect(problems).toEqual([]);
      expect(result).toEqual({
        tenantId: expect.any(String),
        scimBaseUrl: `https://rollcall.test/scim/v2/${result.tenantId}`,
        token: expect.stringMatching(/^rcs_/),
        seatsUsed: 1,
        seatLimit: 10,
        eventTypes: ['user.created', 'seat.assigned'],
        eventCursor: '2',
        webhookId: expect.any(String),
        webhookSecret: expect.stringMatching(/^whsec_/),
      });
      const stored = await t.db.query(`SELECT external_id FROM tenant WHERE id = $1`, [result.tenantId]);
      expect(stored).toEqual([{ external_id: externalId }]);
    });
  });
});
