import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { EntityManager, QueryRunner } from 'typeorm';
import { loggableError } from '../common/loggable-error';
import {
  CommitOutcomeUnknownError,
  driverError,
  isConnectionFault,
  isReleasedRunner,
  limitHit,
} from './database-faults';
import { DatabaseLimitError } from './database-limit-error';
import { committingQuery } from './database-limits';
import { msToDeadline } from './request-scope';

const logger = new Logger('Database');

/**
 * SQL sent in COMMIT's round trip, as one simple query: `before` runs in the transaction right before
 * COMMIT, `after` once it committed. Literal SQL only (a simple query carries no parameters).
 */
export interface CommitStatements {
  before: string[];
  after: Map<string, string>;
}

const pendingStatements = new WeakMap<QueryRunner, CommitStatements>();

/** Opens the list of what the transaction of `runner` sends with its COMMIT (withCommit). */
export function commitStatementsOf(runner: QueryRunner): CommitStatements {
  const statements: CommitStatements = { before: [], after: new Map() };
  pendingStatements.set(runner, statements);
  return statements;
}

/**
 * Sends `sql` with the COMMIT of the transaction of `m` (a runTransaction's), in the same round trip:
 * `before` (in the order given) as the transaction's last statements, so a failure there rolls it back
 * like any other; `after` (the same key twice is sent once) once it committed, outside any transaction.
 * Whatever happens after COMMIT completed, the change stays committed and the write is answered as
 * such; a failure there is logged. Returns false when `m` is no runTransaction's: then nothing is
 * scheduled.
 */
export function withCommit(
  m: EntityManager,
  sql: { before?: string; after?: [key: string, sql: string] },
): boolean {
  const pending = m.queryRunner ? pendingStatements.get(m.queryRunner) : undefined;
  if (!pending) return false;
  if (sql.before) pending.before.push(sql.before);
  if (sql.after && !pending.after.has(sql.after[0])) pending.after.set(sql.after[0], sql.after[1]);
  return true;
}

interface PgConnection extends EventEmitter {
  on(event: 'commandComplete', listener: (message: { text?: string }) => void): this;
}

/**
 * Commits the transaction of `runner` with what rides in its round trip, and tells TypeORM's runner
 * the transaction ended, as its own commitTransaction would. Whether COMMIT itself completed is read
 * off the protocol (its CommandComplete), so:
 * - once it completed, the change is committed whatever follows (a statement after it failing, the
 *   connection lost): that is logged, never thrown;
 * - before it, an error the server answered means nothing committed (a simple query stops at its
 *   first error): thrown as it is, for the caller to roll back (and maybe retry);
 * - a connection lost before it completed leaves the outcome unknown: CommitOutcomeUnknownError.
 * The request's deadline still cuts the statements before COMMIT, on the server's side
 * (`SET LOCAL statement_timeout`), never COMMIT itself.
 */
export async function commit(runner: QueryRunner, statements: CommitStatements): Promise<void> {
  pendingStatements.delete(runner);
  const client = (await runner.connect()) as PoolClient;
  const connection = (client as unknown as { connection: PgConnection }).connection;
  let committed = false;
  const completed = (message: { text?: string }) => {
    if (message.text === 'COMMIT') committed = true;
  };
  const noticed = (notice: { severity?: string; message?: string }) => {
    if (notice.severity === 'WARNING') logger.warn(notice.message ?? 'a warning from the database');
  };
  const { sql, deadlineMs } = roundTrip(runner, statements);
  connection.on('commandComplete', completed);
  client.on('notice', noticed);
  try {
    await runner.query(sql);
  } catch (error) {
    if (!committed) throw outcomeOf(error, deadlineMs);
    logger.warn(
      { err: loggableError(error) },
      `the change committed; what followed its COMMIT failed (${loggableError(error).message})`,
    );
  } finally {
    connection.off('commandComplete', completed);
    client.off('notice', noticed);
  }
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = false;
  state.transactionDepth -= 1;
  // Answered without an error yet not committed: COMMIT found the transaction aborted and rolled it back.
  if (!committed) throw new Error('COMMIT rolled the transaction back');
}

/** The text of the round trip, and the deadline it keeps for the statements before COMMIT (ms). */
function roundTrip(
  runner: QueryRunner,
  statements: CommitStatements,
): { sql: string; deadlineMs: number | null } {
  const after = [...statements.after.values()];
  if (statements.before.length === 0 && after.length === 0) return { sql: 'COMMIT', deadlineMs: null };
  const timeout = (runner.connection.options.extra as { statement_timeout?: number } | undefined)
    ?.statement_timeout;
  const left = msToDeadline();
  if (left === null || !timeout || left >= timeout || statements.before.length === 0) {
    return { sql: committingQuery([...statements.before, 'COMMIT', ...after]), deadlineMs: null };
  }
  const deadlineMs = Math.max(1, Math.floor(left));
  const sql = committingQuery([
    `SET LOCAL statement_timeout = ${deadlineMs}`,
    ...statements.before,
    `SET LOCAL statement_timeout = ${timeout}`,
    'COMMIT',
    ...after,
  ]);
  return { sql, deadlineMs };
}

/** What a round trip whose COMMIT did not complete tells the caller. */
function outcomeOf(error: unknown, deadlineMs: number | null): unknown {
  // TypeORM refused to send it (the runner was released): nothing was sent.
  if (isReleasedRunner(error)) return error;
  if (isConnectionFault(error) || limitHit(error)) return new CommitOutcomeUnknownError(error);
  const driver = driverError(error);
  if (
    deadlineMs !== null &&
    driver.code === '57014' &&
    String(driver.message).includes('statement timeout')
  ) {
    return new DatabaseLimitError(
      'request deadline',
      `the request ran out of time waiting for the database (${deadlineMs} ms were left for the statements before COMMIT)`,
      true,
    );
  }
  return error;
}
