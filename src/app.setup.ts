import type { NestExpressApplication } from '@nestjs/platform-express';
import { ValidationPipe } from '@nestjs/common';
import { Logger, Params, PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import { InvalidFieldsError } from './common/problem-details';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { requestLog } from './config/logging';
import { requestLimits } from './database/request-limits';
import { TenantConcurrency } from './database/tenant-concurrency';
import { serveOpenApi } from './openapi/openapi';
import { BodyReaderGuard } from './pipeline/body-reader.guard';
import {
  assignRequestId,
  closeConnectionsWhileDraining,
  noStore,
  securityHeaders,
} from './pipeline/response-headers';
import { ShutdownState } from './pipeline/shutdown-state';
import { ScimExceptionFilter } from './scim/errors/scim-exception.filter';
import { RouteTable } from './scim/http/route-table';
import { SCIM_MEDIA_TYPE } from './scim/http/media-types';

/**
 * Everything the running app and the e2e tests share: request id, security headers, logger,
 * validation, the SCIM exception filter and the API docs. Create the app with `bodyParser: false`:
 * bodies are read after routing and authentication (BodyReaderGuard).
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.set('etag', false); // resources carry their own ETag (meta.version)
  app.set('query parser', 'simple');
  app.set('trust proxy', config.trustProxy);
  const log = requestLog(app.get<Params>(PARAMS_PROVIDER_TOKEN));
  app.use(assignRequestId);
  // The request's one async context: the logger of its lines, its database deadline.
  app.use(log.context);
  // Then each request's deadline for database work, and its tenant's turn (src/database/request-limits.ts).
  app.use(requestLimits(config, app.get(TenantConcurrency)));
  app.use(securityHeaders(config.publicUrl));
  app.use(closeConnectionsWhileDraining(app.get(ShutdownState)));
  app.use('/admin', noStore);
  // RFC 7644 §3.1: every SCIM response is application/scim+json (res.send adds the charset).
  app.use(
    '/scim',
    (_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
      res.setHeader('Content-Type', SCIM_MEDIA_TYPE);
      next();
    },
  );
  // The request line, when the level keeps it.
  if (log.line) app.use(log.line);
  // After the AuthGuard (an APP_GUARD, so Nest holds it first): a body is read once its sender is known.
  app.useGlobalGuards(app.get(BodyReaderGuard));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) => InvalidFieldsError.fromValidation(errors),
    }),
  );
  app.useGlobalFilters(new ScimExceptionFilter(app.get(RouteTable)));
  serveOpenApi(app);
  return app;
}
