import { AsyncLocalStorage } from 'node:async_hooks';

/** What the database layer knows of the request it works for (none for background work). */
export interface RequestScope {
  /** Epoch milliseconds after which the request's statements are cut (REQUEST_TIMEOUT_MS). */
  deadline: number;
  /** Once the response has started (a streamed body), only the per-statement limit applies. */
  responseStarted(): boolean;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) on behalf of the request described by `scope`. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** Milliseconds left before the current request's deadline; null outside a request or once it answers. */
export function msToDeadline(): number | null {
  const scope = storage.getStore();
  if (!scope || scope.responseStarted()) return null;
  return scope.deadline - Date.now();
}
