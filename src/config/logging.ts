import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { pinoHttp, Options } from 'pino-http';
import { RequestContext, runInRequestContext } from '../pipeline/request-context';
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

type Middleware = (req: Request, res: Response, next: NextFunction) => void;

/** The request log's two steps, as nestjs-pino's middleware makes them, from the same params. */
export interface RequestLog {
  /**
   * Once the request has its id: its context (RequestContext), whose logger gives every line logged
   * during the request the same `req` fields as the request line, made only when a line is logged.
   */
  context: Middleware;
  /**
   * The request line (pino-http), or null when the level drops it (LOG_LEVEL=warn and above): then
   * no child logger, listeners or line fields per request.
   */
  line: Middleware | null;
}

export function requestLog(params: Params): RequestLog {
  const options = params.pinoHttp as Options | [Options, DestinationStream] | undefined;
  const middleware = Array.isArray(options) ? pinoHttp(...options) : pinoHttp(options);
  const root = middleware.logger;
  return {
    context: (req, _res, next) => runInRequestContext(new RequestContext(root, req), next),
    line: root.isLevelEnabled(REQUEST_LINE_LEVEL) ? middleware : null,
  };
}
