import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { readJsonBody } from './json-body';

/**
 * Reads the request body after routing (no route: 404/405 without reading it) and after the AuthGuard
 * (Nest runs guards before interceptors), so an unauthenticated request never costs a parse.
 */
@Injectable()
export class BodyReaderInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await readJsonBody(http.getRequest<Request>(), http.getResponse<Response>());
    return next.handle();
  }
}
