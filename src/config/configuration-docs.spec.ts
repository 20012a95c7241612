import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAppConfig } from './app-config';

/**
 * One source of truth for configuration: every variable the code reads is documented in the README's
 * configuration table and listed in `.env.example`, and a `.env` copied from the example changes no
 * default. A variable added to the code without its documentation fails here, named with the file.
 */
const ROOT = join(__dirname, '..', '..');

/** The variables loadAppConfig reads, recorded by handing it an environment that notes each lookup. */
function variablesLoadAppConfigReads(): string[] {
  const read = new Set<string>();
  const env = new Proxy<Record<string, string | undefined>>(
    {},
    {
      get: (_target, name) => {
        if (typeof name === 'string') read.add(name);
        return undefined;
      },
    },
  );
  loadAppConfig(env);
  return [...read];
}

/** Variables named through `process.env` anywhere in src (a read outside app-config.ts is one too). */
function variablesNamedInSource(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return variablesNamedInSource(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    const text = readFileSync(path, 'utf8');
    return [...text.matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g)].map(
      (m) => m[1] ?? m[2],
    );
  });
}

/** The names in the first column of the README's "## Configuration" table. */
function readmeTable(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Configuration\n')) ?? '';
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]);
}

/** `NAME=value` lines of .env.example, commented (`# NAME=…`: off by default) or not. */
function envExample(): Array<{ name: string; value: string; commented: boolean }> {
  const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
  return [...text.matchAll(/^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => ({
    name: m[2],
    value: m[3],
    commented: m[1] !== undefined,
  }));
}

describe('Configuration documentation', () => {
  const variables = [...new Set([...variablesLoadAppConfigReads(), ...variablesNamedInSource()])].sort();

  it('finds the variables the code reads', () => {
    expect(variables).toEqual(expect.arrayContaining(['PORT', 'DATA_DIR', 'PUBLIC_URL', 'WEB_CONCURRENCY']));
  });

  it('documents every variable in the README configuration table', () => {
    const documented = new Set(readmeTable());
    const missing = variables.filter((name) => !documented.has(name));
    expect(missing.map((name) => `${name} is missing from the configuration table of README.md`)).toEqual([]);
    const stale = [...documented].filter((name) => !variables.includes(name));
    expect(stale.map((name) => `${name} is in README.md's table but the code never reads it`)).toEqual([]);
  });

  it('lists every variable in .env.example', () => {
    const listed = new Set(envExample().map((e) => e.name));
    const missing = variables.filter((name) => !listed.has(name));
    expect(missing.map((name) => `${name} is missing from .env.example`)).toEqual([]);
    const stale = [...listed].filter((name) => !variables.includes(name));
    expect(stale.map((name) => `${name} is in .env.example but the code never reads it`)).toEqual([]);
  });

  it('sets only defaults in .env.example, so a copy changes nothing even with PORT set elsewhere', () => {
    const active = envExample().filter((e) => !e.commented);
    const fromExample = Object.fromEntries(active.map((e) => [e.name, e.value]));
    // The environment wins over .env (as @nestjs/config reads it), so PORT comes from outside here.
    const outside = { PORT: '4321' };
    expect(loadAppConfig({ ...fromExample, ...outside })).toEqual(loadAppConfig(outside));
    for (const { name, value } of active) {
      expect([name, loadAppConfig({ [name]: value })]).toEqual([name, loadAppConfig({})]);
    }
  });
});
