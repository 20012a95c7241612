import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ADMIN_KEY, AdminKey } from './auth/admin-key';
import { APP_CONFIG, AppConfig, ConfigError } from './config/app-config';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  configureApp(app);
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port);
  announce(config, app.get<AdminKey>(ADMIN_KEY));
}

/** The start-up banner: where everything is, and the admin key the one time it is generated. */
function announce(config: AppConfig, adminKey: AdminKey): void {
  const database = config.databaseUrl
    ? 'PostgreSQL server (DATABASE_URL)'
    : `embedded PostgreSQL in ${config.dataDir}`;
  const lines = [
    `Rollcall is listening on port ${config.port}`,
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

bootstrap().catch((error: unknown) => {
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
