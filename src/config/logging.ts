import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import type { Params } from 'nestjs-pino';
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
