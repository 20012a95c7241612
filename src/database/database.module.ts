import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseConnectivity } from './database-connectivity';
import { withDatabaseLimits } from './database-limits';
import { DatabaseTarget, resolveDatabase } from './data-source-options';
import { TenantConcurrency } from './tenant-concurrency';

const DATABASE_TARGET = Symbol('DATABASE_TARGET');

/** Starts the embedded database when no server is configured, and stops it after TypeORM has closed. */
class EmbeddedDatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_TARGET) private readonly target: DatabaseTarget) {}

  async onApplicationShutdown(): Promise<void> {
    await this.target.embedded?.stop();
  }
}

/**
 * Pending migrations run on a connection of their own, before the app's pool opens: they are not
 * bound by the statement timeout of requests (an index build on a large table takes its time).
 */
async function runMigrations(options: DataSourceOptions): Promise<void> {
  const dataSource = await new DataSource(options).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

@Module({
  providers: [
    {
      provide: DATABASE_TARGET,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => resolveDatabase(config),
    },
    EmbeddedDatabaseLifecycle,
    { provide: DatabaseConnectivity, useValue: new DatabaseConnectivity() },
  ],
  exports: [DATABASE_TARGET, DatabaseConnectivity],
})
class DatabaseTargetModule {}

@Global()
@Module({
  imports: [
    DatabaseTargetModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseTargetModule],
      inject: [DATABASE_TARGET, APP_CONFIG, DatabaseConnectivity],
      useFactory: async (target: DatabaseTarget, config: AppConfig, connectivity: DatabaseConnectivity) => {
        if (config.runMigrations) await runMigrations(target.options);
        return { ...withDatabaseLimits(target.options, config, connectivity), migrationsRun: false };
      },
    }),
  ],
  providers: [
    {
      provide: TenantConcurrency,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new TenantConcurrency(config.tenantMaxConcurrency, config.databaseAcquireTimeoutMs),
    },
  ],
  exports: [DatabaseTargetModule, TenantConcurrency],
})
export class DatabaseModule {}
