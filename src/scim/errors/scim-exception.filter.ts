import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { loggableError } from '../../common/loggable-error';
import { PROBLEM_MEDIA_TYPE, problemDetailsOf } from '../../common/problem-details';
import { databaseFault } from '../../database/database-faults';
import { SCIM_MEDIA_TYPE } from '../http/media-types';
import { RouteTable } from '../http/route-table';
import { ScimError, ScimType } from './scim-error';

/**
 * What a failure other than Nest's HTTP exceptions answers: a ScimError as it is, a database fault as
 * its 409 or 503, anything else as a 500 naming the request (for the log line that explains it).
 */
export function scimErrorOf(exception: unknown, requestId: unknown): ScimError {
  if (exception instanceof ScimError) return exception;
  const fault = databaseFault(exception);
  if (fault) return fault.error;
  const named = typeof requestId === 'string' ? ` (request id ${requestId})` : '';
  return new ScimError(500, `An unexpected error occurred${named}`);
}

/** A 5xx is logged with its cause; a fault the client may retry (503) as a warning naming it. */
export function logServerError(
  logger: Logger,
  exception: unknown,
  error: ScimError,
  requestId: unknown,
): void {
  if (error.status < 500) return;
  const err = loggableError(exception);
  const fault = error.status === 503 ? databaseFault(exception) : null;
  if (fault) logger.warn({ err, requestId }, `503: ${fault.log}`);
  else logger.error({ err, requestId }, err.message || 'unexpected error');
}

/** The SCIM API's route family: everything under /scim answers SCIM documents. */
export function isScimRoute(path: string): boolean {
  return path === '/scim' || path.startsWith('/scim/');
}

/**
 * The one place every failure becomes a response, in the form of its route family: under /scim a SCIM
 * Error document (RFC 7644 §3.12), for the IdP; everywhere else (the admin API above all) RFC 9457
 * problem details, for the SaaS's backend. Both carry the same status, detail and headers.
 */
@Catch()
export class ScimExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ScimExceptionFilter');

  constructor(private readonly routes: RouteTable) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const error = this.toScimError(exception, request);
    logServerError(this.logger, exception, error, request.id);
    response.locals.scimError = error;
    if (response.headersSent) return;
    // A body left unread (refused before reading it: 401, 404, 405, 415) is not worth receiving.
    if (!request.complete) response.setHeader('Connection', 'close');
    response.status(error.status);
    for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
    if (isScimRoute(request.path)) {
      response.type(SCIM_MEDIA_TYPE).send(JSON.stringify(error.toBody()));
    } else {
      response.type(PROBLEM_MEDIA_TYPE).send(JSON.stringify(problemDetailsOf(error)));
    }
  }

  /** What a failure answers; the portal's pages (PortalExceptionFilter) show the same as HTML. */
  toScimError(exception: unknown, request: Request): ScimError {
    if (exception instanceof HttpException) return this.fromHttpException(exception, request);
    return scimErrorOf(exception, request.id);
  }

  private fromHttpException(exception: HttpException, request: Request): ScimError {
    const status = exception.getStatus();
    if (status === 404) {
      const allowed = this.routes.methodsFor(request.path);
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        return new ScimError(405, `${request.method} is not supported on ${request.path}`, undefined, {
          Allow: allowed.join(', '),
        });
      }
      return ScimError.notFound(`No endpoint at ${request.method} ${request.path}`);
    }
    const scimType: ScimType | undefined = status === 400 ? 'invalidSyntax' : undefined;
    return new ScimError(status, this.messageOf(exception), scimType);
  }

  private messageOf(exception: HttpException): string {
    const body = exception.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }
}
