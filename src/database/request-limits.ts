import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { isUuid } from '../common/uuid';
import { enterRequestScope } from './request-scope';
import { TenantConcurrency } from './tenant-concurrency';

/** The tenant a SCIM path names (`/scim/v2/{tenantId}/…`), before anyone has checked its token. */
function tenantOfPath(path: string): string | null {
  const match = /^\/scim\/v2\/([^/]+)/i.exec(path);
  return match && isUuid(match[1]) ? match[1] : null;
}

/**
 * Express middleware, on every request once its context (RequestContext) is made: gives it its
 * deadline for database work (REQUEST_TIMEOUT_MS, see GuardedClient), and for SCIM requests waits
 * for the tenant's turn (TENANT_MAX_CONCURRENCY), which is given back when the response is done or
 * the client goes.
 */
export function requestLimits(config: AppConfig, concurrency: TenantConcurrency) {
  return (req: Request, res: Response, next: NextFunction): void => {
    enterRequestScope({
      deadline: Date.now() + config.requestTimeoutMs,
      responseStarted: () => res.headersSent,
    });
    const tenantId = tenantOfPath(req.path);
    if (!tenantId) return next();
    // A turn free now is taken at once, without a promise (most requests).
    const now = concurrency.tryAcquire(tenantId);
    if (now) {
      res.once('close', now);
      return next();
    }
    // Listened for before the wait: a client that goes away while waiting gives its turn back at once.
    let gone = false;
    let release: (() => void) | null = null;
    res.once('close', () => {
      gone = true;
      release?.();
    });
    concurrency.acquire(tenantId).then(
      (granted) => {
        if (gone) return granted();
        release = granted;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}
