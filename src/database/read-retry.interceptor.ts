import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { Logger } from '@nestjs/common';
import { loggableError } from '../common/loggable-error';
import { isRetryableFault } from './database-faults';

/** Requests that change nothing: GET, HEAD, and the SearchRequest POSTs (RFC 7644 §3.4.3). */
function isReadOnly(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD' || /\/\.search$/i.test(request.path);
}

/**
 * A read-only request whose database connection was lost (or that lost a conflict) before any of
 * its answer was sent runs once more, so that a database restart or a killed backend costs a client
 * nothing it has to retry. Writes are retried at the transaction instead (runTransaction). The
 * BodyReaderInterceptor (src/pipeline) runs it, inside the one global interceptor.
 */
@Injectable()
export class ReadRetryInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Database');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (!isReadOnly(request)) return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (response.headersSent || !isRetryableFault(error)) return throwError(() => error);
        this.logger.warn(
          { err: loggableError(error), requestId: request.id },
          `a read-only request failed (${loggableError(error).message}); running it once more`,
        );
        return next.handle();
      }),
    );
  }
}
