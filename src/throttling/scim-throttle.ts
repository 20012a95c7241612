import { Inject, Injectable } from '@nestjs/common';
import type { TenantRateLimit } from '../auth/auth-outcome';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScimError } from '../scim/errors/scim-error';
import { BucketRate, TokenBuckets } from './token-bucket';

/** Keys kept per limiter: far more tenants and client addresses than a process sees in a minute. */
const MAX_KEYS = 100_000;

/** The tenant a request authenticated as, with that tenant's own limit. */
export interface ThrottledTenant {
  tenantId: string;
  rateLimit: TenantRateLimit;
}

/**
 * The SCIM request limits, kept in this process's memory (each process enforces them on its own; see
 * the README's "Limits and failure behaviour"):
 * - a token bucket per tenant on authenticated requests (the tenant's own rate, or the server's);
 * - a token bucket per client address and tenant together on failed authentications, so a flood of
 *   bad tokens is refused without a lookup, while the same address is not refused for another tenant
 *   (IdPs send from shared address pools).
 */
@Injectable()
export class ScimThrottle {
  private readonly requests = new TokenBuckets(MAX_KEYS);
  private readonly failures = new TokenBuckets(MAX_KEYS);
  private readonly failureRate: BucketRate;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.failureRate = { perSecond: config.authFailuresPerMinute / 60, burst: config.authFailureBurst };
  }

  /** The tenant's bucket, or null when its requests are not limited (a rate of 0). */
  rateOf(limit: TenantRateLimit): BucketRate | null {
    const perSecond = limit.perSecond ?? this.config.scimRatePerSecond;
    if (perSecond === 0) return null;
    return { perSecond, burst: limit.burst ?? this.config.scimRateBurst };
  }

  /**
   * Counts `points` requests against the tenant's limit, or throws 429 with Retry-After. A request
   * that does the work of several (a Bulk request, by its operations) consumes several points at once.
   */
  consume(tenant: ThrottledTenant, points = 1): void {
    this.take(tenant, points, points);
  }

  /**
   * A Bulk request counts as its operations (RFC 7644 §3.7): the guard counted the request as one,
   * this takes the rest at once, or throws 429 and the request runs none of them.
   */
  consumeOperations(tenant: ThrottledTenant, operations: number): void {
    if (operations > 1) this.take(tenant, operations - 1, operations);
  }

  private take(tenant: ThrottledTenant, points: number, countsAs: number): void {
    const rate = this.rateOf(tenant.rateLimit);
    if (!rate) return;
    const take = this.requests.take(tenant.tenantId, rate, points);
    if (take.allowed) return;
    if (!Number.isFinite(take.retryAfterMs)) {
      throw ScimError.tooManyRequests(
        `This request counts as ${countsAs} requests, more than the tenant's burst of ${rate.burst}`,
        60,
      );
    }
    throw ScimError.tooManyRequests(
      `Too many requests for this tenant (limit ${rate.perSecond} a second, bursts of ${rate.burst}); ` +
        'retry after the time in Retry-After',
      take.retryAfterMs / 1000,
    );
  }

  /** Throws 429 when `client` has failed to authenticate against `scope` (a tenant id) too often. */
  refuseAfterFailures(scope: string, client: string): void {
    const take = this.failures.peek(this.failureKey(scope, client), this.failureRate);
    if (take.allowed) return;
    throw ScimError.tooManyRequests(
      'Too many failed authentications from this address; retry after the time in Retry-After',
      take.retryAfterMs / 1000,
    );
  }

  recordFailure(scope: string, client: string): void {
    this.failures.take(this.failureKey(scope, client), this.failureRate);
  }

  private failureKey(scope: string, client: string): string {
    return `${scope.toLowerCase()} ${client}`;
  }
}
