import type { IncomingMessage } from 'node:http';
// nestjs-pino's request context (what its PinoLogger reads); the package exports no other way in.
import { storage, Store } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import type { RequestScope } from '../database/request-scope';

/**
 * The one async context of an HTTP request, from its first middleware on: the logger that lines
 * logged during the request go to (nestjs-pino's PinoLogger reads it), made when the first line is
 * logged, and the request's database scope (its deadline; requestLimits sets it). Both travel in
 * nestjs-pino's AsyncLocalStorage: each AsyncLocalStorage in use costs every promise made during a
 * request a hook, so a request has one, not one per concern.
 */
export class RequestContext implements Store {
  responseLogger: Logger | undefined = undefined;
  scope: RequestScope | undefined = undefined;
  private made: Logger | undefined = undefined;

  constructor(
    private readonly root: Logger,
    private readonly req: IncomingMessage & { log?: Logger },
  ) {}

  /** pino-http's child of the request when it ran (LOG_LEVEL info or below), else one made alike. */
  get logger(): Logger {
    return (this.made ??= this.req.log ?? this.root.child({ req: this.req }));
  }

  set logger(value: Logger) {
    this.made = value;
  }
}

/** Runs the rest of the request (`next`) in `context`. */
export function runInRequestContext(context: RequestContext, next: () => void): void {
  storage.run(context, next);
}

/** The context of the request being served; undefined outside one (background work, start-up). */
export function currentRequestContext(): RequestContext | undefined {
  const store = storage.getStore();
  return store instanceof RequestContext ? store : undefined;
}
