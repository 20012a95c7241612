import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FORM_BODY, readFormBody } from './form-body';
import { hasBody, JSON_BODY_LIMIT, JsonBodyLimit, readJsonBody } from './json-body';

/**
 * Reads the request body after routing (no route: 404/405 without reading it) and after the AuthGuard
 * (configureApp registers this guard after it), so an unauthenticated request never costs a parse.
 * Routes marked @FormBody() (the portal's pages) read an HTML form; every other route reads JSON, up
 * to 1 MB or the limit its @JsonBodyLimitOf() gives. It refuses a body it cannot read (400, 413,
 * 415), and lets everything else through.
 *
 * A guard, not an interceptor: Nest runs a route's handler without any rxjs chain or AsyncResource
 * binding when it has no interceptor, and a request without a body (every GET) costs here one look
 * at its headers and the route's metadata.
 */
@Injectable()
export class BodyReaderGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const form = this.reflector.getAllAndOverride<boolean | undefined>(FORM_BODY, [
      context.getHandler(),
      context.getClass(),
    ]);
    // Most requests (every GET) announce no JSON body: nothing to wait for.
    if (!form && !hasBody(request)) return true;
    const response = http.getResponse<Response>();
    if (form) return readFormBody(request, response).then(() => true);
    const limit = this.reflector.getAllAndOverride<((config: AppConfig) => JsonBodyLimit) | undefined>(
      JSON_BODY_LIMIT,
      [context.getHandler(), context.getClass()],
    );
    return readJsonBody(request, response, limit?.(this.config)).then(() => true);
  }
}
