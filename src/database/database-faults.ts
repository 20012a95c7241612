import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ScimError } from '../scim/errors/scim-error';
import { DatabaseLimitError } from './database-limit-error';
import { uniqueConstraintDetail } from './unique-constraints';

/** Seconds a client is told to wait (Retry-After) before retrying, by kind of fault. */
export const RETRY_AFTER_SECONDS = { conflict: 1, limit: 2, connection: 5 } as const;

/**
 * A write transaction lost its connection after COMMIT was sent: whether it committed is unknown,
 * so it is not retried; the client is told to retry, and a repeated write is idempotent or a 409.
 */
export class CommitOutcomeUnknownError extends Error {
  constructor(override readonly cause: unknown) {
    super('the database connection was lost after COMMIT was sent: the outcome is unknown');
    this.name = 'CommitOutcomeUnknownError';
  }
}

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
  driverError?: ErrorShape;
}

/** TypeORM wraps the driver's error (QueryFailedError.driverError); pg-pool's come bare. */
export function driverError(error: unknown): ErrorShape {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  return shape.driverError ?? shape;
}

const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOENT', // the embedded database's socket is gone
]);
/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; class 08 is connection_exception. */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];
/** pg-pool's words when no pooled connection came free in time (the pool is busy, not lost). */
const ACQUIRE_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/** The limit a query was cut by (the error itself, or inside TypeORM's QueryFailedError), if any. */
export function limitHit(error: unknown): DatabaseLimitError | null {
  const driver = driverError(error);
  return driver instanceof DatabaseLimitError ? driver : null;
}

/** TypeORM refused to send a statement: the runner was released when its connection failed. */
export function isReleasedRunner(error: unknown): boolean {
  return (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof QueryRunnerProviderAlreadyReleasedError
  );
}

/** The database cannot be reached, or dropped the connection (or never answered on it). */
export function isConnectionFault(error: unknown): boolean {
  // TypeORM releases a transaction's runner when its connection errors; the work's next query (or its
  // COMMIT, which is then never sent) says so.
  if (isReleasedRunner(error)) return true;
  const driver = driverError(error);
  if (driver instanceof DatabaseLimitError) return driver.limit === 'no answer from the database';
  const code = typeof driver.code === 'string' ? driver.code : '';
  if (SOCKET_CODES.has(code) || CONNECTION_SQLSTATES.has(code) || code.startsWith('08')) return true;
  const message = typeof driver.message === 'string' ? driver.message : '';
  return CONNECTION_MESSAGES.some((m) => message.startsWith(m));
}

/** Serialization failure, deadlock, lock not available: another transaction won; a retry may not. */
function isConflict(error: unknown): boolean {
  const code = driverError(error).code;
  return code === '40001' || code === '40P01' || code === '55P03';
}

/**
 * Whether running the failed work again is safe and may succeed: a lost connection or a conflict,
 * when nothing of the work can have committed (the caller knows: a read, or no COMMIT sent).
 */
export function isRetryableFault(error: unknown): boolean {
  if (error instanceof CommitOutcomeUnknownError) return false;
  return isConnectionFault(error) || isConflict(error);
}

/**
 * Foreign keys a concurrent delete can break mid-request (a member added while it is deleted), as the
 * client should read them. A violation of any other foreign key is a bug, and stays a 500.
 */
export const FOREIGN_KEY_DETAILS: Record<string, { status: 400 | 404; detail: string }> = {
  group_user_member_user_fkey: {
    status: 400,
    detail: 'a member was deleted while it was being added: it is no longer a User of this tenant',
  },
  group_group_member_member_fkey: {
    status: 400,
    detail: 'a member was deleted while it was being added: it is no longer a Group of this tenant',
  },
  group_user_member_group_fkey: {
    status: 404,
    detail: 'the Group was deleted while its members were being changed',
  },
  group_group_member_group_fkey: {
    status: 404,
    detail: 'the Group was deleted while its members were being changed',
  },
  seat_user_fkey: { status: 404, detail: 'the User was deleted while its seat was being assigned' },
};

/** A foreign-key race on a key FOREIGN_KEY_DETAILS does not name. */
const FOREIGN_KEY_RACE = {
  status: 400 as const,
  detail:
    'a resource this request names was deleted while the request ran: it no longer exists in this tenant',
};

/** A database failure as the client is told of it, and what the log says of it. */
export interface DatabaseFault {
  error: ScimError;
  /** One line naming the fault, and the limit with its setting where one was hit. */
  log: string;
}

function unavailable(detail: string, seconds: number, log: string): DatabaseFault {
  return { error: ScimError.unavailable(detail, seconds), log };
}

const LIMIT_DETAILS: Record<DatabaseLimitError['limit'], string> = {
  'statement timeout': 'The request took too long in the database (statement timeout); retry shortly',
  'no answer from the database': 'The database does not answer; retry shortly',
  'connection acquire timeout': 'The server is busy: no database connection came free in time; retry shortly',
  'request deadline': 'The request ran out of time waiting for the database; retry shortly',
  'tenant concurrency': 'Too many requests of this tenant are being served at once; retry shortly',
};

/**
 * The one place a database error becomes an answer: 409 for a unique violation, 400/404 for a
 * foreign-key race, 503 with Retry-After for everything the client may retry (connection lost or
 * refused, a limit hit, a conflict). Null for anything else: an unexpected error, a logged 500.
 */
export function databaseFault(exception: unknown): DatabaseFault | null {
  if (exception instanceof CommitOutcomeUnknownError) {
    return unavailable(
      'The database connection was lost while the change was being committed, so it may or may not ' +
        'have been applied; retry it',
      RETRY_AFTER_SECONDS.connection,
      exception.message,
    );
  }
  const driver = driverError(exception);
  if (driver instanceof DatabaseLimitError) {
    return unavailable(LIMIT_DETAILS[driver.limit], RETRY_AFTER_SECONDS.limit, driver.message);
  }
  const message = typeof driver.message === 'string' ? driver.message : '';
  if (message === ACQUIRE_TIMEOUT_MESSAGE) {
    const limit = new DatabaseLimitError('connection acquire timeout', 'no pooled connection came free');
    return unavailable(LIMIT_DETAILS[limit.limit], RETRY_AFTER_SECONDS.limit, limit.message);
  }
  const constraint = typeof driver.constraint === 'string' ? driver.constraint : '';
  switch (driver.code) {
    case '23505':
      return {
        error: ScimError.conflict(uniqueConstraintDetail(constraint)),
        log: 'unique violation',
      };
    case '23503': {
      // Requests name only resources they have just looked up, so a key that no longer holds is a
      // resource deleted meanwhile: the known keys say which, any other (a resource type's own
      // reference table) says so in general words.
      const known = FOREIGN_KEY_DETAILS[constraint] ?? FOREIGN_KEY_RACE;
      const error =
        known.status === 404
          ? ScimError.notFound(known.detail)
          : ScimError.badRequest('invalidValue', known.detail);
      return { error, log: `foreign-key race on ${constraint}` };
    }
    case '57014':
      if (!message.includes('statement timeout')) return null;
      return unavailable(
        LIMIT_DETAILS['statement timeout'],
        RETRY_AFTER_SECONDS.limit,
        new DatabaseLimitError('statement timeout', message).message,
      );
    default:
      break;
  }
  if (isConflict(exception)) {
    return unavailable(
      'The server is busy with a concurrent change; retry shortly',
      RETRY_AFTER_SECONDS.conflict,
      `concurrency conflict (${String(driver.code)}): ${message}`,
    );
  }
  if (isConnectionFault(exception)) {
    return unavailable(
      'The database is unavailable; retry shortly',
      RETRY_AFTER_SECONDS.connection,
      `database unavailable: ${message || String(driver.code)}`,
    );
  }
  return null;
}
