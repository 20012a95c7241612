import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ADMIN_KEY, AdminKey } from './auth/admin-key';
import { APP_CONFIG, AppConfig, ConfigError, loadAppConfig } from './config/app-config';
import { DataDirLock } from './database/data-dir-lock';
import { resolveDatabase } from './database/data-source-options';
import { drainOnSignals } from './pipeline/graceful-shutdown';

/** One HTTP process: the whole application. */
async function serve(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  configureApp(app);
  const config = app.get<AppConfig>(APP_CONFIG);
  drainOnSignals(app, config.shutdownGraceMs);
  await app.listen(config.port);
  if (cluster.isPrimary) announce(config, app.get<AdminKey>(ADMIN_KEY), 1);
}

/**
 * WEB_CONCURRENCY > 1: this process migrates the database once, then runs that many HTTP workers
 * sharing the port and restarts one that dies. SIGTERM is passed on, each worker drains (see
 * drainOnSignals), and this process exits when they all have, killing any still there after the grace
 * period and a margin.
 */
async function supervise(config: AppConfig): Promise<void> {
  const log = pino({ level: config.logLevel, name: 'Supervisor' });
  const adminKey = AdminKey.resolve(config);
  if (config.runMigrations) {
    const target = await resolveDatabase(config);
    const dataSource = await new DataSource(target.options).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
  }
  let stopping = false;
  const fork = () => cluster.fork({ RUN_MIGRATIONS: 'false' });
  for (let i = 0; i < config.webConcurrency; i += 1) fork();
  const remaining = () => Object.keys(cluster.workers ?? {}).length;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (remaining() === 0) {
        log.info('all workers stopped; shut down');
        process.exit(0);
      }
      return;
    }
    log.warn({ pid: worker.process.pid, code, signal }, 'worker exited; starting another');
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, workers: remaining() }, `${signal}: draining the workers, then shutting down`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => {
      log.warn('workers still running after the grace period; killing them');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    }, config.shutdownGraceMs + 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  announce(config, adminKey, config.webConcurrency);
}

/**
 * The start-up banner, on stderr (stdout carries only JSON log lines): where everything is, and the
 * admin key the one time it is generated. The key is never passed to the logger.
 */
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
    lines.push(
      `  Admin API key (shown this once; only its hash is kept, in ${adminKey.file}):`,
      `    export ADMIN_KEY=${adminKey.generated}`,
    );
  } else if (adminKey.file) {
    lines.push(`  Admin API key: generated earlier (lost it? npm run admin-key:rotate)`);
  } else {
    lines.push('  Admin API key: ADMIN_API_KEY');
  }
  process.stderr.write(lines.join('\n') + '\n');
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
