import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { loggableError } from '../common/loggable-error';
import {
  CommitOutcomeUnknownError,
  isConnectionFault,
  isReleasedRunner,
  isRetryableFault,
  limitHit,
} from './database-faults';
import { COMMITTING } from './database-limits';

const logger = new Logger('Database');

/** Runs `attempt`, and once more if it failed in a way that is safe and worth retrying. */
async function retriedOnce<T>(what: string, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isRetryableFault(error)) throw error;
    logger.warn(
      { err: loggableError(error) },
      `${what} failed (${loggableError(error).message}); retrying once`,
    );
    return attempt();
  }
}

/**
 * SQL sent in COMMIT's round trip, as one simple query: `before` runs in the transaction right before
 * COMMIT, `after` once it committed. Literal SQL only (a simple query carries no parameters).
 */
interface CommitStatements {
  before: string[];
  after: Map<string, string>;
}

const commitStatements = new WeakMap<QueryRunner, CommitStatements>();

/**
 * Sends `sql` with the COMMIT of the transaction of `m` (a runTransaction's), in the same round trip:
 * `before` (in the order given) as the transaction's last statements, so a failure there rolls it back
 * like any other; `after` (the same key twice is sent once) once it committed, outside any transaction.
 * An `after` statement must never raise (a function that catches its own errors): a failure there would
 * read as a failed commit. Returns false when `m` is no runTransaction's: then nothing is scheduled.
 */
export function withCommit(
  m: EntityManager,
  sql: { before?: string; after?: [key: string, sql: string] },
): boolean {
  const pending = m.queryRunner ? commitStatements.get(m.queryRunner) : undefined;
  if (!pending) return false;
  if (sql.before) pending.before.push(sql.before);
  if (sql.after && !pending.after.has(sql.after[0])) pending.after.set(sql.after[0], sql.after[1]);
  return true;
}

/**
 * COMMIT, with what rides in its round trip (withCommit). TypeORM's runner is then told the
 * transaction ended, as its own commitTransaction would.
 */
async function commit(runner: QueryRunner, statements: CommitStatements): Promise<void> {
  if (statements.before.length === 0 && statements.after.size === 0) return runner.commitTransaction();
  const sql = [...statements.before, 'COMMIT', ...statements.after.values()];
  await runner.query(`${COMMITTING}\n${sql.join(';\n')}`);
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = false;
  state.transactionDepth -= 1;
}

/**
 * One transaction around `work`, retried once when it failed before COMMIT was sent through a lost
 * connection, a serialization failure or a deadlock: then nothing of it committed and `work` (which
 * only talks to the database through `m`) can run again. A connection lost after COMMIT was sent
 * leaves the outcome unknown: that is never retried (CommitOutcomeUnknownError, answered 503).
 */
export function runTransaction<T>(
  dataSource: DataSource,
  work: (m: EntityManager) => Promise<T>,
  isolation?: IsolationLevel,
): Promise<T> {
  return retriedOnce('a transaction', () => transactionAttempt(dataSource, work, isolation));
}

async function transactionAttempt<T>(
  dataSource: DataSource,
  work: (m: EntityManager) => Promise<T>,
  isolation?: IsolationLevel,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  let commitSent = false;
  try {
    await runner.connect();
    await runner.startTransaction(isolation);
    const statements: CommitStatements = { before: [], after: new Map() };
    commitStatements.set(runner, statements);
    const result = await work(runner.manager);
    commitStatements.delete(runner);
    commitSent = true;
    await commit(runner, statements);
    return result;
  } catch (error) {
    const cutOff = isConnectionFault(error) || limitHit(error) !== null;
    // A COMMIT that TypeORM refused to send (its runner already released) was never sent at all.
    if (commitSent && cutOff && !isReleasedRunner(error)) throw new CommitOutcomeUnknownError(error);
    if (runner.isTransactionActive && !cutOff) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/** A read (no write, so nothing to commit), retried once after a lost connection or a conflict. */
export function retryRead<T>(read: () => Promise<T>): Promise<T> {
  return retriedOnce('a read', read);
}
