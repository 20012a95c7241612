import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { ActivityWriter } from './activity-writer';
import {
  observe,
  observeCarried,
  RequestStart,
  ResourceTypeEndpoints,
  tenantIdOf,
} from './request-observation';

/**
 * Records each request to a tenant's SCIM base URL when its response is done: the route, the
 * authentication outcome the guard left on the request, the body the pipeline read (if it was), and
 * the error the exception filter answered. It sits at the HTTP layer so it sees every route, and
 * never asks whether the tenant exists (the writer leaves unknown tenants out, off the request path).
 */
@Injectable()
export class ActivityCapture implements NestMiddleware {
  private readonly logger = new Logger('ActivityLog');
  private readonly endpoints: ResourceTypeEndpoints;
  private failed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writer: ActivityWriter,
    registry: SchemaRegistry,
  ) {
    this.endpoints = new Map(
      registry.resourceTypes().map((type) => [type.endpoint.replace(/^\//, '').toLowerCase(), type.name]),
    );
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const tenantId = this.config.activity.enabled ? tenantIdOf(request.originalUrl) : null;
    if (tenantId) {
      const start: RequestStart = { tenantId, at: new Date(), startedMs: performance.now() };
      // A response emits 'close' once, after 'finish' or when the client went first (observe tells which).
      response.once('close', () => this.capture(start, request, response));
    }
    next();
  }

  private capture(start: RequestStart, request: Request, response: Response): void {
    try {
      // A Bulk request is its operations: one entry each, in place of one for the request.
      const carried = response.locals.carriedOperations;
      if (carried && carried.length > 0) {
        for (const observation of observeCarried(
          start,
          request,
          carried,
          this.config.activity,
          this.endpoints,
        ))
          this.writer.record(observation);
        return;
      }
      this.writer.record(observe(start, request, response, this.config.activity, this.endpoints));
    } catch (err) {
      // The log must never break a request; a fault here is reported once, not per request.
      if (!this.failed) this.logger.error({ err }, 'could not record a request in the activity log');
      this.failed = true;
    }
  }
}
