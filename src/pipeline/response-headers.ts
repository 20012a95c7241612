import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { ShutdownState } from './shutdown-state';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The client's X-Request-Id when it is a sane token, else a new UUID; echoed on the response. */
export function requestIdOf(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The first step of every request, so every response (401s and body errors too) has its id. */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  requestIdOf(req, res);
  next();
}

/**
 * helmet's headers. HSTS and CSP's `upgrade-insecure-requests` only when PUBLIC_URL is https: over
 * plain HTTP they make a browser fetch Swagger UI's CSS and JS over https, and the page stays blank.
 * None of them depends on the request, so helmet runs once, at start-up, and each response gets the
 * headers it set then (helmet would build the CSP text again for every request).
 */
export function securityHeaders(publicUrl: string) {
  const { set, removed } = headersOf(helmetFor(publicUrl));
  return (_req: Request, res: Response, next: NextFunction): void => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** What a middleware that looks at no request sets and removes on a response, run once on a stand-in. */
function headersOf(middleware: Middleware): { set: Array<[string, string | string[]]>; removed: string[] } {
  const set = new Map<string, string | string[]>();
  const removed: string[] = [];
  const response = {
    setHeader: (name: string, value: string | string[]) => set.set(name, value),
    removeHeader: (name: string) => removed.push(name),
  };
  let done = false;
  middleware({ headers: {} } as IncomingMessage, response as unknown as ServerResponse, (err) => {
    if (err) throw err instanceof Error ? err : new Error('the security headers middleware failed');
    done = true;
  });
  if (!done) throw new Error('the security headers middleware did not finish at once');
  return { set: [...set], removed };
}

function helmetFor(publicUrl: string): Middleware {
  const https = publicUrl.startsWith('https:');
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/** While draining, every response asks the client to close its connection (and reconnect elsewhere). */
export function closeConnectionsWhileDraining(state: ShutdownState) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    if (state.draining) res.setHeader('Connection', 'close');
    next();
  };
}

/** Admin answers may carry secrets (tokens, webhook secrets): no cache may keep them. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
