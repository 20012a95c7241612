import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ReadRetryInterceptor } from '../database/read-retry.interceptor';
import { FORM_BODY, readFormBody } from './form-body';
import { hasBody, JSON_BODY_LIMIT, JsonBodyLimit, readJsonBody } from './json-body';

/**
 * Reads the request body after routing (no route: 404/405 without reading it) and after the AuthGuard
 * (Nest runs guards before interceptors), so an unauthenticated request never costs a parse. Routes
 * marked @FormBody() (the portal's pages) read an HTML form; every other route reads JSON, up to
 * 1 MB or the limit its @JsonBodyLimitOf() gives.
 *
 * It is the app's one global interceptor, and runs the handler through the ReadRetryInterceptor
 * itself: each interceptor Nest chains costs every request two AsyncResource bindings and an
 * Observable, whatever it does.
 */
@Injectable()
export class BodyReaderInterceptor implements NestInterceptor {
  private readonly readRetry = new ReadRetryInterceptor();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    if (!form && !hasBody(request)) return this.readRetry.intercept(context, next);
    const response = http.getResponse<Response>();
    if (form) return readFormBody(request, response).then(() => this.readRetry.intercept(context, next));
    const limit = this.reflector.getAllAndOverride<((config: AppConfig) => JsonBodyLimit) | undefined>(
      JSON_BODY_LIMIT,
      [context.getHandler(), context.getClass()],
    );
    return readJsonBody(request, response, limit?.(this.config)).then(() =>
      this.readRetry.intercept(context, next),
    );
  }
}
