/**
 * BoxyHQ jackson's directory sync behind a bare `node:http` server, the peer of `BENCH_PEER=jackson`
 * (bench/peer.ts starts it). The package is loaded from JACKSON_DIR, a scratch folder outside the
 * repository that bench/peer.ts installs it into: it is never a dependency of Rollcall.
 *
 * Env: JACKSON_DIR, JACKSON_DATABASE_URL (its own schema), PORT, JACKSON_DIRECTORIES (how many
 * directories to create). Prints one JSON line on stdout once listening:
 * `{"directories":[{"id","secret"}]}`; SCIM is served under /api/scim/v2.0/<directory id>.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface DirectorySyncResponse {
  status: number;
  data: unknown;
}
interface DirectorySyncController {
  directories: {
    create(params: Record<string, unknown>): Promise<{
      data: { id: string; scim: { secret: string } } | null;
      error: { message: string } | null;
    }>;
  };
  requests: { handle(request: Record<string, unknown>): Promise<DirectorySyncResponse> };
}

const PATH = /^\/api\/scim\/v2\.0\/([^/]+)\/(Users|Groups)(?:\/([^/?]+))?$/;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/scim+json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function main(): Promise<void> {
  const dir = process.env.JACKSON_DIR ?? '';
  const load = createRequire(join(dir, 'package.json'));
  const jackson = load('@boxyhq/saml-jackson') as {
    default(options: Record<string, unknown>): Promise<{ directorySyncController: DirectorySyncController }>;
  };
  // Its one line per event about the webhook it has none of would cost the run more than its work.
  const quiet = {
    info: () => undefined,
    warn: () => undefined,
    error: (message: string) => {
      if (!String(message).startsWith('Webhook not configured')) console.error(message);
    },
  };
  const { directorySyncController: dsync } = await jackson.default({
    externalUrl: 'http://127.0.0.1',
    samlPath: '/api/oauth/saml',
    scimPath: '/api/scim/v2.0',
    noAnalytics: true,
    logger: quiet,
    db: { engine: 'sql', type: 'postgres', url: process.env.JACKSON_DATABASE_URL },
  });
  const directories: Array<{ id: string; secret: string }> = [];
  for (let i = 0; i < Number(process.env.JACKSON_DIRECTORIES ?? '1'); i += 1) {
    const { data, error } = await dsync.directories.create({
      name: `bench-${i}`,
      tenant: `bench-${i}-${Date.now()}`,
      product: 'rollcall-bench',
      type: 'generic-scim-v2',
    });
    if (!data) throw new Error(`jackson: ${error?.message}`);
    directories.push({ id: data.id, secret: data.scim.secret });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = PATH.exec(url.pathname);
    if (!match) return send(res, 404, { detail: 'Not found' });
    const number = (name: string) => {
      const value = url.searchParams.get(name);
      return value ? parseInt(value, 10) : undefined;
    };
    readBody(req)
      .then((body) =>
        dsync.requests.handle({
          method: req.method ?? 'GET',
          body,
          directoryId: match[1],
          resourceType: match[2].toLowerCase(),
          resourceId: match[3],
          apiSecret: (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') || null,
          query: {
            count: number('count'),
            startIndex: number('startIndex'),
            filter: url.searchParams.get('filter') ?? undefined,
          },
        }),
      )
      .then(
        ({ status, data }) => send(res, status, data),
        (error: unknown) => send(res, 500, { detail: String(error) }),
      );
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => {
    process.stdout.write(JSON.stringify({ directories }) + '\n');
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`jackson peer failed: ${String(error)}\n`);
  process.exit(1);
});
