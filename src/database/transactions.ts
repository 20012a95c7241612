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

/** Work to run once a transaction committed, by key (the same key twice runs once). */
const afterCommitWork = new WeakMap<QueryRunner, Map<string, AfterCommit>>();

type AfterCommit = (m: EntityManager) => Promise<void>;

/**
 * Runs `work` on the transaction's connection once the transaction of `m` (a runTransaction's)
 * committed, before that connection goes back to the pool and before runTransaction returns; never
 * after a rollback. `work` runs outside any transaction and must not throw (the change committed).
 * Returns false when `m` is no runTransaction's: then nothing is scheduled.
 */
export function afterCommit(m: EntityManager, key: string, work: AfterCommit): boolean {
  const pending = m.queryRunner ? afterCommitWork.get(m.queryRunner) : undefined;
  if (!pending) return false;
  if (!pending.has(key)) pending.set(key, work);
  return true;
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
    const committed = new Map<string, AfterCommit>();
    afterCommitWork.set(runner, committed);
    const result = await work(runner.manager);
    commitSent = true;
    await runner.commitTransaction();
    afterCommitWork.delete(runner);
    await runAfterCommit(committed.values(), runner.manager);
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

/** What follows a commit cannot undo it: a failure there is logged, never thrown into the retry. */
async function runAfterCommit(work: Iterable<AfterCommit>, m: EntityManager): Promise<void> {
  for (const next of work) {
    try {
      await next(m);
    } catch (error) {
      logger.warn(
        { err: loggableError(error) },
        `work after a commit failed (${loggableError(error).message})`,
      );
    }
  }
}

/** A read (no write, so nothing to commit), retried once after a lost connection or a conflict. */
export function retryRead<T>(read: () => Promise<T>): Promise<T> {
  return retriedOnce('a read', read);
}
