import type { NestExpressApplication } from '@nestjs/platform-express';
import { ValidationPipe } from '@nestjs/common';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { requestLimits } from './database/request-limits';
import { TenantConcurrency } from './database/tenant-concurrency';
import { serveOpenApi } from './openapi/openapi';
import { ScimExceptionFilter } from './scim/errors/scim-exception.filter';
import { checkParsedJsonBody } from './scim/http/json-body-checks';
import { RouteTable } from './scim/http/route-table';
import { JSON_BODY_TYPES, MAX_BODY_BYTES, SCIM_MEDIA_TYPE } from './scim/http/media-types';

/**
 * Everything the running app and the e2e tests share: logger, security headers, body parsing,
 * validation, the SCIM exception filter and the API docs. Create the app with `bodyParser: false`.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.set('etag', false); // resources carry their own ETag (meta.version)
  app.set('query parser', 'simple');
  // First: each request's deadline for database work, and its tenant's turn (src/database/request-limits.ts).
  app.use(requestLimits(app.get<AppConfig>(APP_CONFIG), app.get(TenantConcurrency)));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  // RFC 7644 §3.1: every SCIM response is application/scim+json.
  app.use('/scim', (_req: unknown, res: { type(t: string): void }, next: () => void) => {
    res.type(SCIM_MEDIA_TYPE);
    next();
  });
  app.useBodyParser('json', { type: JSON_BODY_TYPES, limit: MAX_BODY_BYTES });
  // Right after parsing, before any reader: depth and storable text (src/scim/http/json-body-checks.ts).
  app.use(checkParsedJsonBody);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
    }),
  );
  app.useGlobalFilters(new ScimExceptionFilter(app.get(RouteTable)));
  app.enableShutdownHooks();
  serveOpenApi(app);
  return app;
}
