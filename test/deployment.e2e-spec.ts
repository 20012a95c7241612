import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { MIGRATIONS } from '../src/database/migration-files';
import { exitStatus, spawnScript } from './helpers/spawned-server';

// No Docker daemon runs on these machines (nor in CI): the image and compose files are checked by
// reading them, and the migrate command the image runs is run here from source.
const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name: string | null;
  instructions: Instruction[];
}

/** The Dockerfile's stages and instructions (continuation lines joined, comments dropped). */
function dockerfileStages(): Stage[] {
  const stages: Stage[] = [];
  const logical = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  for (const line of logical) {
    const [keyword, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      stages.push({ name: /\bAS\s+(\S+)/i.exec(args)?.[1] ?? null, instructions: [] });
    }
    stages[stages.length - 1]?.instructions.push({ keyword: keyword.toUpperCase(), args });
  }
  return stages;
}

/** `COPY [--from=x] src… dest` as its parts. */
function copies(stage: Stage): Array<{ from: string | null; sources: string[]; dest: string }> {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const parts = i.args.split(/\s+/);
      const from = parts.find((p) => p.startsWith('--from='))?.slice('--from='.length) ?? null;
      const paths = parts.filter((p) => !p.startsWith('--'));
      return { from, sources: paths.slice(0, -1), dest: paths[paths.length - 1] };
    });
}

/** Whether .dockerignore keeps `path` out of the build context (its plain and `*` patterns, `!` exceptions). */
function dockerIgnored(path: string): boolean {
  let ignored = false;
  for (const raw of read('.dockerignore').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/\/+$/, '');
    const regex = new RegExp(
      `^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/.*)?$`,
    );
    if (regex.test(path)) ignored = !negated;
  }
  return ignored;
}

/**
 * Compose's variable interpolation (`${VAR}`, `${VAR:-default}`, `${VAR:?error}`, nested defaults),
 * enough to see what a value becomes for a given environment.
 */
function interpolate(value: string, env: Record<string, string>): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    if (value.startsWith('${', i)) {
      let depth = 0;
      let j = i;
      for (; j < value.length; j++) {
        if (value.startsWith('${', j)) depth++;
        if (value[j] === '}' && --depth === 0) break;
      }
      const body = value.slice(i + 2, j);
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(?::([-?])([\s\S]*))?$/.exec(body);
      if (!match) throw new Error(`bad interpolation \${${body}}`);
      const [, name, kind, rest] = match;
      const set = env[name] !== undefined && env[name] !== '';
      if (set) out += env[name];
      else if (kind === '-') out += interpolate(rest, env);
      else if (kind === '?') throw new Error(`required variable ${name} is missing a value: ${rest}`);
      i = j + 1;
    } else {
      out += value[i++];
    }
  }
  return out;
}

interface ComposeService {
  image?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
}

describe('Docker image and compose file', () => {
  const stages = dockerfileStages();
  const build = stages.find((s) => s.name === 'build') as Stage;
  const runtime = stages[stages.length - 1];
  const compose = parseYaml(read('docker-compose.yml')) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const rollcall = compose.services.rollcall;

  it('keeps node_modules, data/ (the admin key), .git and .env out of the build context, and nothing it copies', () => {
    for (const path of [
      'node_modules',
      'node_modules/pg/package.json',
      'data',
      'data/admin-api-key',
      '.git',
      '.env',
    ]) {
      expect([path, dockerIgnored(path)]).toEqual([path, true]);
    }
    const fromContext = stages
      .flatMap((s) => copies(s).filter((c) => c.from === null))
      .flatMap((c) => c.sources);
    expect(fromContext).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src']));
    for (const path of fromContext) expect([path, dockerIgnored(path)]).toEqual([path, false]);
  });

  it('builds an image that can run the migrations without ormconfig.ts or dev dependencies', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts['migration:run']).toBe('node dist/database/migrate.js');
    // dist/database/migrate.js is compiled from src/database/migrate.ts (rootDir ./src, outDir ./dist).
    expect(existsSync(join(ROOT, 'src', 'database', 'migrate.ts'))).toBe(true);
    const tsconfig = JSON.parse(read('tsconfig.build.json')) as { compilerOptions: { rootDir: string } };
    expect(tsconfig.compilerOptions.rootDir).toBe('./src');
    expect(read('src/database/migrate.ts')).not.toMatch(/ormconfig/);
    expect(copies(build).flatMap((c) => c.sources)).toContain('src');
    expect(build.instructions.some((i) => i.keyword === 'RUN' && /npm run build/.test(i.args))).toBe(true);
    // The runtime stage has what `npm run migration:run` and `node dist/database/migrate.js` need.
    const runtimeCopies = copies(runtime);
    expect(runtimeCopies).toEqual(
      expect.arrayContaining([
        { from: 'build', sources: ['/app/dist'], dest: './dist' },
        { from: 'build', sources: ['/app/node_modules'], dest: './node_modules' },
        { from: null, sources: ['package.json'], dest: './' },
      ]),
    );
  });

  it('ships the portal: its pages compile with the code, and the build copies its assets into dist/', () => {
    // The pages are .tsx, compiled by the build's tsconfig; the CSS and script are Nest CLI assets.
    const tsconfig = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
    expect(tsconfig.include).toEqual(expect.arrayContaining(['src/**/*.ts', 'src/**/*.tsx']));
    const cli = JSON.parse(read('nest-cli.json')) as {
      sourceRoot: string;
      compilerOptions: { assets: Array<{ include: string }> };
    };
    expect(cli.sourceRoot).toBe('src');
    expect(cli.compilerOptions.assets.map((a) => a.include)).toContain('portal/assets/**/*');
    for (const file of ['portal.css', 'portal.js']) {
      expect(existsSync(join(ROOT, 'src', 'portal', 'assets', file))).toBe(true);
    }
    // The runtime stage copies all of dist/, the assets with it.
    expect(copies(runtime)).toEqual(
      expect.arrayContaining([{ from: 'build', sources: ['/app/dist'], dest: './dist' }]),
    );
    expect(copies(build).flatMap((c) => c.sources)).toEqual(
      expect.arrayContaining(['tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'src']),
    );
  });

  it('turns Scarf telemetry off before npm ci, and declares /data a volume', () => {
    const ciAt = build.instructions.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    const scarfAt = build.instructions.findIndex(
      (i) => i.keyword === 'ENV' && /\bSCARF_ANALYTICS=false\b/.test(i.args),
    );
    expect(ciAt).toBeGreaterThan(-1);
    expect(scarfAt).toBeGreaterThan(-1);
    expect(scarfAt).toBeLessThan(ciAt);
    expect(runtime.instructions).toContainEqual({ keyword: 'VOLUME', args: '["/data"]' });
    expect(runtime.instructions.find((i) => i.keyword === 'ENV')?.args).toMatch(/\bDATA_DIR=\/data\b/);
    expect(rollcall.volumes).toContain('rollcall-data:/data');
    expect(compose.volumes).toHaveProperty('rollcall-data');
  });

  it('runs PostgreSQL 15, the version the tests run on', () => {
    expect(compose.services.postgres.image).toBe('postgres:15');
  });

  it('ships no admin key: a missing ADMIN_API_KEY stops compose with a clear message', () => {
    const key = rollcall.environment?.ADMIN_API_KEY ?? '';
    expect(() => interpolate(key, {})).toThrow(
      'required variable ADMIN_API_KEY is missing a value: set ADMIN_API_KEY to a secret of at least 16 characters',
    );
    expect(interpolate(key, { ADMIN_API_KEY: 'k'.repeat(32) })).toBe('k'.repeat(32));
  });

  it('publishes the port PORT names (3000 by default), and builds PUBLIC_URL from it', () => {
    const env = (e: Record<string, string>) => ({
      ports: (rollcall.ports ?? []).map((p) => interpolate(p, e)),
      publicUrl: interpolate(rollcall.environment?.PUBLIC_URL ?? '', e),
    });
    expect(env({})).toEqual({ ports: ['3000:3000'], publicUrl: 'http://localhost:3000' });
    expect(env({ PORT: '8080' })).toEqual({ ports: ['8080:3000'], publicUrl: 'http://localhost:8080' });
    expect(env({ PORT: '8080', PUBLIC_URL: 'https://scim.acme.com' }).publicUrl).toBe(
      'https://scim.acme.com',
    );
  });
});

describe('The migrate command (node dist/database/migrate.js, npm run migration:run)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rollcall-migrate-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('applies every pending migration once, then finds none', async () => {
    const first = spawnScript('src/database/migrate.ts', { DATA_DIR: dataDir });
    expect(exitStatus(await first.exited)).toBe(0);
    expect(first.stdout().trim().split('\n')).toEqual(MIGRATIONS.map((m) => `Applied migration ${m.name}`));
    const again = spawnScript('src/database/migrate.ts', { DATA_DIR: dataDir });
    expect(exitStatus(await again.exited)).toBe(0);
    expect(again.stdout().trim()).toBe('No pending migrations: the database is up to date');
    expect(existsSync(join(dataDir, 'rollcall.lock'))).toBe(false);
  }, 60_000);

  it('stops with one line when the database cannot be reached', async () => {
    const run = spawnScript('src/database/migrate.ts', {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(exitStatus(await run.exited)).toBe(1);
    expect(run.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(/^Migration failed: .*ECONNREFUSED/),
    ]);
  }, 60_000);
});
