import type { PoolClient } from 'pg';
import { EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { isConnectionFault, limitHit } from './database-faults';

interface Sent {
  answer: Promise<unknown>;
  failure?: { error: Error };
}

/**
 * The statements a transaction sends ahead: written to its connection at once, in pg's pipeline mode,
 * so that they travel with the next statement the transaction waits for (one round trip). COMMIT is
 * never sent behind one still unanswered (`settled`): a write that fails there, a connection found
 * dead or the request deadline cutting it, never commits, and whether it can run again stays as clear
 * as for any statement before COMMIT. A statement sent ahead that the server refused aborts the
 * transaction: every statement after it fails too (25P02), so its error is the transaction's
 * (`abortedBy`).
 */
export class TransactionPipeline {
  private readonly sent: Sent[] = [];

  constructor(private readonly client: PoolClient) {}

  send(text: string, values?: unknown[]): void {
    const entry: Sent = { answer: Promise.resolve() };
    entry.answer = this.client.query(text, values).catch((error: unknown) => {
      // As TypeORM reports a failed statement, so that it is told and logged the same way.
      entry.failure = { error: new QueryFailedError(text, values, error as Error) };
    });
    this.sent.push(entry);
  }

  /** Waits for the answer of every statement sent ahead; throws the first one's error, if one failed. */
  async settled(): Promise<void> {
    const failed = await this.firstFailure();
    if (failed) throw failed.error;
  }

  /**
   * Once every answer is in: the error the server answered to a statement sent ahead, which aborted
   * the transaction, if one did. A connection lost or cut is no such answer: the caller's own error
   * tells what it means.
   */
  async abortedBy(): Promise<{ error: Error } | undefined> {
    const first = await this.firstFailure();
    if (!first || isConnectionFault(first.error) || limitHit(first.error)) return undefined;
    return first;
  }

  /** Waits for every answer, then takes the connection out of pipeline mode (for the pool). */
  async close(): Promise<void> {
    await this.firstFailure();
    (this.client as unknown as { pipeline: boolean }).pipeline = false;
  }

  /** Once every answer is in: the failure of the first statement sent ahead that failed. */
  private async firstFailure(): Promise<{ error: Error } | undefined> {
    await Promise.all(this.sent.map((s) => s.answer));
    return this.sent.find((s) => s.failure)?.failure;
  }
}

const pipelines = new WeakMap<QueryRunner, TransactionPipeline>();

/**
 * Opens the transaction of `runner` without waiting for BEGIN: the connection goes into pipeline mode
 * and BEGIN is sent ahead, so it travels with the transaction's first statement. The runner is told
 * the transaction started, as TypeORM's own startTransaction would.
 */
export async function beginPipelined(
  runner: QueryRunner,
  isolation?: IsolationLevel,
): Promise<TransactionPipeline> {
  const client = (await runner.connect()) as PoolClient;
  (client as unknown as { pipeline: boolean }).pipeline = true;
  const pipeline = new TransactionPipeline(client);
  pipeline.send(isolation ? `START TRANSACTION ISOLATION LEVEL ${isolation}` : 'START TRANSACTION');
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  state.transactionDepth += 1;
  pipelines.set(runner, pipeline);
  return pipeline;
}

/**
 * Runs a statement whose answer the caller does not need, inside the transaction of `m`: sent ahead
 * when `m` is a runTransaction's (if it fails, the transaction fails before its COMMIT is sent), run
 * and waited for otherwise.
 */
export async function sendAhead(m: EntityManager, text: string, values: unknown[]): Promise<void> {
  const pipeline = m.queryRunner ? pipelines.get(m.queryRunner) : undefined;
  if (pipeline) pipeline.send(text, values);
  else await m.query(text, values);
}
