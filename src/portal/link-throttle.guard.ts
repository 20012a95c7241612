import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ScimThrottle } from '../throttling/scim-throttle';

/** Failed redemptions count per client address in this scope (tenant ids are UUIDs: no clash). */
const SCOPE = 'portal';

/**
 * Link redemption is rate-limited like authentication: an address whose links keep failing (unknown,
 * used, expired) is answered 429 with Retry-After before anything is looked up (AUTH_FAILURE_BURST,
 * AUTH_FAILURES_PER_MINUTE).
 */
@Injectable()
export class LinkThrottleGuard implements CanActivate {
  constructor(private readonly throttle: ScimThrottle) {}

  canActivate(context: ExecutionContext): boolean {
    this.throttle.refuseAfterFailures(SCOPE, clientOf(context.switchToHttp().getRequest<Request>()));
    return true;
  }

  recordFailure(request: Request): void {
    this.throttle.recordFailure(SCOPE, clientOf(request));
  }
}

function clientOf(request: Request): string {
  return request.ip ?? 'unknown';
}
