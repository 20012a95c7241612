import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { loggableError } from '../common/loggable-error';
import { CommitOutcomeUnknownError, isConnectionFault, isRetryableFault, limitHit } from './database-faults';
import { commit, commitStatementsOf } from './commit';
import { beginPipelined, TransactionPipeline } from './pipeline';

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
 * One transaction around `work`, retried once when it failed before COMMIT was sent through a lost
 * connection, a serialization failure or a deadlock: then nothing of it committed and `work` (which
 * only talks to the database through `m`) can run again. A connection lost after COMMIT was sent,
 * before it completed, leaves the outcome unknown: that is never retried (commit.ts:
 * CommitOutcomeUnknownError, answered 503).
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
  let pipeline: TransactionPipeline | undefined;
  try {
    pipeline = await beginPipelined(runner, isolation);
    const statements = commitStatementsOf(runner);
    const result = await work(runner.manager);
    await pipeline.settled();
    await commit(runner, statements);
    return result;
  } catch (thrown) {
    // After a statement sent ahead failed, those that followed it failed for that reason alone.
    const error = (await pipeline?.abortedBy())?.error ?? thrown;
    // A connection dropped (or never reached) has nothing to roll back; the server does it.
    const limit = limitHit(error);
    const cutOff =
      error instanceof CommitOutcomeUnknownError ||
      isConnectionFault(error) ||
      (limit !== null && !limit.connectionKept);
    if (runner.isTransactionActive && !cutOff) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await pipeline?.close();
    await runner.release();
  }
}

/** A read (no write, so nothing to commit), retried once after a lost connection or a conflict. */
export function retryRead<T>(read: () => Promise<T>): Promise<T> {
  return retriedOnce('a read', read);
}
