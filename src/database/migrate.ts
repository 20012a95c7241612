import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadAppConfig } from '../config/app-config';
import { resolveDatabase } from './data-source-options';

/**
 * `node dist/database/migrate.js` (`npm run migration:run`): runs the pending migrations on the
 * database the environment names (DATABASE_URL, or the embedded one in DATA_DIR) and stops. It needs
 * only the compiled app, so a deploy step can run it from the production image; start the servers
 * with RUN_MIGRATIONS=false then.
 */
async function migrate(): Promise<void> {
  const target = await resolveDatabase(loadAppConfig());
  const dataSource = new DataSource(target.options);
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const lines = applied.length
      ? applied.map((m) => `Applied migration ${m.name}`)
      : ['No pending migrations: the database is up to date'];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await target.embedded?.stop();
  }
}

migrate().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `${error instanceof ConfigError ? 'Configuration error' : 'Migration failed'}: ${message}\n`,
  );
  process.exit(1);
});
