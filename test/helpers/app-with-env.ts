import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../src/config/app-config';
import { resolveDatabase } from '../../src/database/data-source-options';
import type { TestApp, TestAppOptions } from './test-app';

/**
 * The real application with some variables changed (e.g. DATABASE_URL of a cluster of the test's
 * own). Configuration is read once, when the app module is first loaded, so the app comes from a
 * module registry of its own: use what it returns (its DataSource, its HTTP server), not classes the
 * test file imported, whose identity differs. Not for the embedded database (PGlite cannot load in a
 * jest module registry): spawn a server for that.
 */
export async function createTestAppWithEnv(
  env: Record<string, string | undefined>,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(env);
  try {
    let start: ((options: TestAppOptions) => Promise<TestApp>) | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh registry needs require
      start = (require('./test-app') as typeof import('./test-app')).createTestApp;
    });
    if (!start) throw new Error('the test app module did not load');
    return await start(options);
  } finally {
    apply(saved);
  }
}

/** Runs every migration on the database at `url` (a server), as start-up would. */
export async function migrateDatabase(url: string): Promise<void> {
  const target = await resolveDatabase({ ...loadAppConfig(), databaseUrl: url });
  const dataSource = await new DataSource(target.options).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
