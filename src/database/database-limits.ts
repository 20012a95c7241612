import { Client, ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { DatabaseConnectivity } from './database-connectivity';
import { isConnectionFault } from './database-faults';
import { DatabaseLimitError } from './database-limit-error';
import { msToDeadline } from './request-scope';

/** How much longer than the statement timeout a query may go unanswered before its connection is dropped. */
export const NO_ANSWER_GRACE_MS = 1000;

type QueryArgs = unknown[];
type Callback = (err: Error | null, result?: unknown) => void;

/**
 * A simple query that carries a transaction's COMMIT with other statements (transactions.ts,
 * withCommit), marked with how many it carries: each may take the statement timeout.
 */
export function committingQuery(statements: string[]): string {
  return `/* commit: ${statements.length} statements */\n${statements.join(';\n')}`;
}
const COMMITTING = /^\/\* commit: (\d+) statements \*\//;

/**
 * COMMIT and ROLLBACK are never cut by the request deadline: the work is done, or being undone. A
 * query that commits keeps the deadline for its statements before COMMIT on the server's side
 * (transactions.ts), so that its outcome stays known.
 */
const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

function statementText(args: QueryArgs): string {
  const config = args[0];
  if (typeof config === 'string') return config;
  const text = typeof config === 'object' && config !== null ? (config as { text?: unknown }).text : '';
  return typeof text === 'string' ? text : '';
}

/**
 * A `pg` Client whose every query is answered in bounded time. The server's statement_timeout cuts
 * a slow statement; but a frozen or unreachable server cannot answer at all (TCP keepalive does not
 * notice a stopped process: its kernel still acknowledges). So each query also gets a timer of its
 * own: the statement timeout once per statement it waits for (those it carries, if it commits, and
 * those sent before it and not answered yet) plus NO_ANSWER_GRACE_MS, or what is left of the
 * request's deadline if that is sooner. When it fires the connection is destroyed, the query fails with a
 * DatabaseLimitError, and the pool discards the client (and the server aborts its transaction).
 */
export function guardedClientClass(
  statementTimeoutMs: number,
  connectivity: DatabaseConnectivity,
): typeof Client {
  return class GuardedClient extends Client {
    /** Statements sent on this connection whose answers have not come yet. */
    private unanswered = 0;

    constructor(config?: string | ClientConfig) {
      super(config);
      // An own property that calls the prototype's query when it runs, so test spies on it still see it.
      Object.defineProperty(this, 'query', { value: (...args: QueryArgs) => this.guardedQuery(args) });
      Object.defineProperty(this, 'connect', {
        value: (callback?: (err?: Error) => void) => this.guardedConnect(callback),
      });
    }

    private guardedConnect(callback?: (err?: Error) => void): unknown {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with this client as `this`
      const connect = Client.prototype.connect as (this: Client, cb?: (err?: Error) => void) => unknown;
      if (callback) {
        return connect.call(this, (err?: Error) => {
          if (err) connectivity.failed(err);
          callback(err);
        });
      }
      return (connect.call(this) as Promise<void>).catch((err: Error) => {
        connectivity.failed(err);
        throw err;
      });
    }

    private guardedQuery(args: QueryArgs): unknown {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with this client as `this`
      const query = Client.prototype.query as (this: Client, ...a: QueryArgs) => unknown;
      const text = statementText(args);
      const committing = COMMITTING.exec(text);
      // Statements already sent and not answered are answered first (a transaction's pipeline).
      const statements = committing ? Number(committing[1]) : 1;
      const noAnswerMs = statementTimeoutMs * (this.unanswered + statements) + NO_ANSWER_GRACE_MS;
      this.unanswered += statements;
      const remaining = committing || ENDS_TRANSACTION.test(text) ? null : msToDeadline();
      const byDeadline = remaining !== null && remaining < noAnswerMs;
      const ms = byDeadline ? Math.max(0, remaining) : noAnswerMs;
      let cut: DatabaseLimitError | null = null;
      const timer = setTimeout(() => {
        cut = byDeadline
          ? new DatabaseLimitError('request deadline', 'the request ran out of time waiting for the database')
          : new DatabaseLimitError('no answer from the database', `no answer within ${noAnswerMs} ms`);
        // The pg Connection hands this error to every query of the client, then the client is unusable.
        (
          this as unknown as { connection: { stream: { destroy(e: Error): void } } }
        ).connection.stream.destroy(cut);
      }, ms);
      let settled = false;
      const settle = (err: unknown) => {
        clearTimeout(timer);
        // pg may report a query twice (an error binding its values, then its end): count it once.
        if (!settled) this.unanswered -= statements;
        settled = true;
        if (!err) return connectivity.succeeded();
        connectivity.failed(err);
        // A backend that said FATAL (57P01…) closes the socket a moment later: mark the client unusable
        // now, so the pool drops it on release rather than lending it to a retry (pg-pool reads this flag).
        if (isConnectionFault(err)) (this as unknown as { _queryable: boolean })._queryable = false;
      };
      const callbackAt = args.findIndex((a) => typeof a === 'function');
      if (callbackAt >= 0) {
        const callback = args[callbackAt] as Callback;
        args[callbackAt] = (err: Error | null, result?: unknown) => {
          settle(err);
          callback(cut ?? err, result);
        };
        return query.apply(this, args);
      }
      const result = query.apply(this, args);
      if (!(result instanceof Promise)) {
        // a submittable (cursor, stream): it reports to its own listeners
        clearTimeout(timer);
        this.unanswered -= statements;
        return result;
      }
      return result.then(
        (value: unknown) => {
          settle(null);
          return value;
        },
        (err: unknown) => {
          settle(err);
          throw cut ?? err;
        },
      );
    }
  };
}

/**
 * The app's pool options on top of the database target's: server-side statement_timeout, the
 * acquire timeout, TCP keepalive (a network partition shows within about a minute), and the guarded
 * client. Migrations use the target's options as they are, without a statement timeout.
 */
export function withDatabaseLimits(
  options: DataSourceOptions,
  config: AppConfig,
  connectivity: DatabaseConnectivity,
): DataSourceOptions {
  const extra = (options.extra as Record<string, unknown> | undefined) ?? {};
  return {
    ...options,
    extra: {
      ...extra,
      statement_timeout: config.databaseStatementTimeoutMs,
      connectionTimeoutMillis: config.databaseAcquireTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      Client: guardedClientClass(config.databaseStatementTimeoutMs, connectivity),
    },
  };
}
