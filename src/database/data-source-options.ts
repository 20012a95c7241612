import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The single database configuration used by the app, the migration CLI and the tests. */
export interface DatabaseTarget {
  options: DataSourceOptions;
  /** Set when this process runs the embedded database; stop it after the DataSource is destroyed. */
  embedded: EmbeddedPostgres | null;
}

export async function resolveDatabase(config: AppConfig): Promise<DatabaseTarget> {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
    installExtensions: false,
  };
  if (config.databaseUrl) {
    return {
      options: {
        ...common,
        url: config.databaseUrl,
        extra: { max: config.databasePoolSize, preparedStatements: config.databasePreparedStatements },
      },
      embedded: null,
    };
  }
  const embedded = await EmbeddedPostgres.start(join(config.dataDir, 'pgdata'));
  return {
    options: { ...common, ...embedded.connection, extra: { max: 1, preparedStatements: false } },
    embedded,
  };
}
