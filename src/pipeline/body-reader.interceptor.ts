import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { FORM_BODY, readFormBody } from './form-body';
import { hasBody, readJsonBody } from './json-body';

/**
 * Reads the request body after routing (no route: 404/405 without reading it) and after the AuthGuard
 * (Nest runs guards before interceptors), so an unauthenticated request never costs a parse. Routes
 * marked @FormBody() (the portal's pages) read an HTML form; every other route reads JSON.
 */
@Injectable()
export class BodyReaderInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler,
  ): Observable<unknown> | Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const form = this.reflector.getAllAndOverride<boolean | undefined>(FORM_BODY, [
      context.getHandler(),
      context.getClass(),
    ]);
    // Most requests (every GET) announce no JSON body: nothing to wait for.
    if (!form && !hasBody(request)) return next.handle();
    const read = form ? readFormBody : readJsonBody;
    return read(request, http.getResponse<Response>()).then(() => next.handle());
  }
}
