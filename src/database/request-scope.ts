import { currentRequestContext } from '../pipeline/request-context';

/** What the database layer knows of the request it works for (none for background work). */
export interface RequestScope {
  /** Epoch milliseconds after which the request's statements are cut (REQUEST_TIMEOUT_MS). */
  deadline: number;
  /** Once the response has started (a streamed body), only the per-statement limit applies. */
  responseStarted(): boolean;
}

/**
 * Gives the request being served, and everything it starts, its scope. It travels in the request's
 * context (RequestContext), which the request's first middleware makes: outside a request, nothing.
 */
export function enterRequestScope(scope: RequestScope): void {
  const context = currentRequestContext();
  if (context) context.scope = scope;
}

/** Milliseconds left before the current request's deadline; null outside a request or once it answers. */
export function msToDeadline(): number | null {
  const scope = currentRequestContext()?.scope;
  if (!scope || scope.responseStarted()) return null;
  return scope.deadline - Date.now();
}
