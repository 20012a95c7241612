import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseTarget, resolveDatabase } from './data-source-options';

const DATABASE_TARGET = Symbol('DATABASE_TARGET');

/** Starts the embedded database when no server is configured, and stops it after TypeORM has closed. */
class EmbeddedDatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_TARGET) private readonly target: DatabaseTarget) {}

  async onApplicationShutdown(): Promise<void> {
    await this.target.embedded?.stop();
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
  ],
  exports: [DATABASE_TARGET],
})
class DatabaseTargetModule {}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [DatabaseTargetModule],
      inject: [DATABASE_TARGET, APP_CONFIG],
      useFactory: (target: DatabaseTarget, config: AppConfig) => ({
        ...target.options,
        migrationsRun: config.runMigrations,
      }),
    }),
  ],
})
export class DatabaseModule {}
