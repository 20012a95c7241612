import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../src/config/app-config';
import { resolveDatabase } from '../../src/database/data-source-options';
import { EmbeddedPostgres } from '../../src/database/embedded-postgres';

declare global {
  var __ROLLCALL_EMBEDDED__: EmbeddedPostgres | undefined;
}

/** Starts an in-memory embedded PostgreSQL unless DATABASE_URL names a server, then migrates once. */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    const embedded = await EmbeddedPostgres.start(null);
    globalThis.__ROLLCALL_EMBEDDED__ = embedded;
    process.env.DATABASE_URL = embedded.url;
    process.env.DATABASE_POOL_SIZE = '1';
    // PGlite serves every connection from one session: a statement prepared by one would clash.
    process.env.DATABASE_PREPARED_STATEMENTS = 'false';
    // Its notifications reach only the connection that caused them, so no process could hear of a
    // revoked token: the token cache stays off (token-cache.e2e-spec.ts checks that it turns itself off).
    process.env.TOKEN_CACHE_SECONDS = '0';
    process.env.ROLLCALL_TEST_DATABASE = 'embedded';
  }
  const target = await resolveDatabase(loadAppConfig());
  const dataSource = new DataSource(target.options);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}
