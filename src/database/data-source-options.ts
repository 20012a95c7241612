import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { DataDirLock } from './data-dir-lock';
import { EmbeddedPostgres } from './embedded-postgres';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migration-files';

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
  // One process at a time opens DATA_DIR's database: a second start refuses, naming the holder.
  const lock = await DataDirLock.acquire(config.dataDir);
  let embedded: EmbeddedPostgres;
  try {
    embedded = await EmbeddedPostgres.start(join(config.dataDir, 'pgdata'), lock);
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    options: { ...common, ...embedded.connection, extra: { max: 1, preparedStatements: false } },
    embedded,
  };
}
