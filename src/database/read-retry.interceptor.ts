import {
  CallHandler,
  ExecutionContext,
  Injectable,
  Logger,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { loggableError } from '../common/loggable-error';
import { isRetryableFault } from './database-faults';

const logger = new Logger('Database');

/** Requests that change nothing: GET, HEAD, and the SearchRequest POSTs (RFC 7644 §3.4.3). */
function isReadOnly(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD' || /\/\.search$/i.test(request.path);
}

/**
 * Whether a read that failed with `error` runs once more: its database connection was lost (or it
 * lost a conflict) and none of its answer was sent yet. Says so in the log when it does.
 */
function runsOnceMore(error: unknown, answerStarted: boolean): boolean {
  if (answerStarted || !isRetryableFault(error)) return false;
  logger.warn(
    { err: loggableError(error) },
    `a read-only request failed (${loggableError(error).message}); running it once more`,
  );
  return true;
}

/**
 * A read (no write, nothing sent yet) run once more when it failed as runsOnceMore says: what the
 * SCIM resource routes' reads go through (readsRetried), without an interceptor on their routes.
 */
export async function retriedRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!runsOnceMore(error, false)) throw error;
    return read();
  }
}

/**
 * A read-only request whose database connection was lost (or that lost a conflict) before any of
 * its answer was sent runs once more, so that a database restart or a killed backend costs a client
 * nothing it has to retry. Writes are retried at the transaction instead (runTransaction). Bound with
 * @RetryReads() to the controllers whose reads touch the database (the SCIM resource routes retry in
 * their handler instead): an interceptor costs every request of its routes an Observable chain.
 */
@Injectable()
export class ReadRetryInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (!isReadOnly(request)) return next.handle();
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          runsOnceMore(error, response.headersSent) ? next.handle() : throwError(() => error),
        ),
      );
  }
}

/** The controller's (or route's) read-only requests run once more after a lost connection. */
export const RetryReads = () => UseInterceptors(ReadRetryInterceptor);
