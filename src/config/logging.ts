import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Params } from 'nestjs-pino';
// nestjs-pino's request context (what its PinoLogger reads); the package exports no other way in.
import { storage, Store } from 'nestjs-pino/storage';
import type { DestinationStream, Logger } from 'pino';
import { pinoHttp, Options } from 'pino-http';
import { requestIdOf } from '../pipeline/response-headers';
import type { ScimError } from '../scim/errors/scim-error';
import type { AppConfig } from './app-config';

declare module 'express-serve-static-core' {
  interface Locals {
    /** The error the exception filter answered with, for the request log. */
    scimError?: ScimError;
  }
}

/** What the request line adds to pino-http's own fields, once, when the response is done. */
function outcomeFields(req: IncomingMessage, res: ServerResponse) {
  const request = req as Request;
  const error = (res as Response).locals?.scimError;
  const auth = request.auth;
  return {
    tenantId: request.tenantId,
    route: (request.route as { path?: string } | undefined)?.path,
    ...(auth && !auth.ok ? { authFailure: auth.reason } : {}),
    ...(error ? { scimType: error.scimType, detail: error.detail } : {}),
  };
}

/**
 * JSON request logs: request id, tenant, method, route, status and duration, and for a failure its
 * scimType, detail and (on a 401) the authentication failure's reason. Serializers keep only those
 * fields, so neither tokens (headers) nor bodies are ever logged. Each key appears once per line.
 */
export function loggingParams(config: AppConfig): Params {
  return {
    // The request middleware is requestLog's (registered by configureApp), not nestjs-pino's.
    useExisting: true,
    forRoutes: [],
    pinoHttp: {
      level: config.logLevel,
      genReqId: requestIdOf,
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customSuccessObject: (req, res, value: object) => ({ ...value, ...outcomeFields(req, res) }),
      customErrorObject: (req, res, _error, value: object) => ({ ...value, ...outcomeFields(req, res) }),
      customSuccessMessage: (req, res, time) => `${req.method} ${res.statusCode} ${Math.round(time)}ms`,
      customErrorMessage: (req, res) => `${req.method} ${res.statusCode}`,
    },
  };
}

/** The level of pino-http's request line (its `useLevel`, which loggingParams leaves as it is). */
const REQUEST_LINE_LEVEL = 'info';

/**
 * A request context whose logger (the root logger's child with the request's `req` bindings, as
 * pino-http makes it) is made only when a line is logged during the request.
 */
function lazyStore(root: Logger, req: IncomingMessage): Store {
  let logger: Logger | undefined;
  return {
    get logger(): Logger {
      return (logger ??= root.child({ req }));
    },
    set logger(value: Logger) {
      logger = value;
    },
    responseLogger: undefined,
  };
}

/**
 * The request line and the request's logging context, as nestjs-pino's middleware makes them, from
 * the same params. When the level drops the request line (LOG_LEVEL=warn and above), pino-http is
 * left out: no child logger, listeners or line fields per request. A line logged during the request
 * (a warning, an error) still carries the same `req` fields, from a child made for it then.
 */
export function requestLog(params: Params): (req: Request, res: Response, next: NextFunction) => void {
  const options = params.pinoHttp as Options | [Options, DestinationStream] | undefined;
  const middleware = Array.isArray(options) ? pinoHttp(...options) : pinoHttp(options);
  const root = middleware.logger;
  if (root.isLevelEnabled(REQUEST_LINE_LEVEL)) {
    return (req, res, next) => middleware(req, res, () => storage.run(new Store(req.log), next));
  }
  return (req, _res, next) => storage.run(lazyStore(root, req), next);
}
