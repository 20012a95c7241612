import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ADMIN_KEY, AdminKey, resolveAdminKey } from './auth/admin-key';
import { APP_CONFIG, AppConfig, ConfigError, loadAppConfig } from './config/app-config';
import { DataDirLock } from './database/data-dir-lock';
import { resolveDatabase } from './database/data-source-options';

/** One HTTP process: the whole application. */
async function serve(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  configureApp(app);
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port);
  if (cluster.isPrimary) announce(config, app.get<AdminKey>(ADMIN_KEY), 1);
}

/**
 * WEB_CONCURRENCY > 1: this process migrates the database once, then runs that many HTTP workers
 * sharing the port, restarts one that dies, and passes SIGTERM on so each finishes its requests.
 */
async function supervise(config: AppConfig): Promise<void> {
  const adminKey = resolveAdminKey(config);
  if (config.runMigrations) {
    const target = await resolveDatabase(config);
    const dataSource = await new DataSource(target.options).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
  }
  let stopping = false;
  const fork = () => cluster.fork({ RUN_MIGRATIONS: 'false' });
  for (let i = 0; i < config.webConcurrency; i += 1) fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(`Worker ${worker.process.pid} exited (${code}); starting another\n`);
    fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  announce(config, adminKey, config.webConcurrency);
}

/** The start-up banner: where everything is, and the admin key the one time it is generated. */
function announce(config: AppConfig, adminKey: AdminKey, workers: number): void {
  const database = config.databaseUrl
    ? 'PostgreSQL server (DATABASE_URL)'
    : `embedded PostgreSQL in ${config.dataDir}`;
  const lines = [
    `Rollcall is listening on port ${config.port}${workers > 1 ? ` with ${workers} worker processes` : ''}`,
    `  Admin API:   ${config.publicUrl}/admin/tenants`,
    `  Swagger UI:  ${config.publicUrl}/docs`,
    `  OpenAPI:     ${config.publicUrl}/openapi.json`,
    `  Database:    ${database}`,
  ];
  if (adminKey.generated) {
    lines.push(`  Admin API key (shown once, kept in ${adminKey.file}):`, `    ${adminKey.value}`);
  } else if (adminKey.file) {
    lines.push(`  Admin API key: in ${adminKey.file}`);
  } else {
    lines.push('  Admin API key: ADMIN_API_KEY');
  }
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  if (cluster.isWorker) return serve();
  const config = loadAppConfig();
  if (config.webConcurrency > 1 && !config.databaseUrl) {
    process.stderr.write(
      'WEB_CONCURRENCY is ignored without DATABASE_URL: the embedded database serves one process\n',
    );
  }
  if (config.webConcurrency > 1 && config.databaseUrl) return supervise(config);
  // The embedded database is one process's: refuse a second one here, in one line, before Nest starts.
  if (!config.databaseUrl) await DataDirLock.acquire(config.dataDir);
  return serve();
}

main().catch((error: unknown) => {
  const cause = (error as { cause?: unknown })?.cause;
  const configError = [error, cause].find((e) => e instanceof ConfigError);
  if (configError) {
    process.stderr.write(`Configuration error: ${configError.message}\n`);
  } else {
    process.stderr.write(
      `Rollcall could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
