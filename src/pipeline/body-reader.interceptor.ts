import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FORM_BODY, readFormBody } from './form-body';
import { JSON_BODY_LIMIT, JsonBodyLimit, readJsonBody } from './json-body';

/**
 * Reads the request body after routing (no route: 404/405 without reading it) and after the AuthGuard
 * (Nest runs guards before interceptors), so an unauthenticated request never costs a parse. Routes
 * marked @FormBody() (the portal's pages) read an HTML form; every other route reads JSON, up to
 * 1 MB or the limit its @JsonBodyLimitOf() gives.
 */
@Injectable()
export class BodyReaderInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const form = this.reflector.getAllAndOverride<boolean | undefined>(FORM_BODY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (form) {
      await readFormBody(request, response);
    } else {
      const limit = this.reflector.getAllAndOverride<((config: AppConfig) => JsonBodyLimit) | undefined>(
        JSON_BODY_LIMIT,
        [context.getHandler(), context.getClass()],
      );
      await readJsonBody(request, response, limit?.(this.config));
    }
    return next.handle();
  }
}
