import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';

/** The SQL of the activity log's retention: a session of its own, its advisory lock, bounded deletes. */
@Injectable()
export class ActivityRetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A connection of its own for the retention run (the advisory lock belongs to its session), whose
   * statements time out after `timeoutMs`. Hand it back with `closeSession`.
   */
  async openSession(timeoutMs: number): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SET statement_timeout = ${Math.round(timeoutMs)}`);
    } catch (error) {
      await runner.release();
      throw error;
    }
    return runner;
  }

  /** Back to the pool as it came: without the session's timeout. */
  async closeSession(runner: QueryRunner): Promise<void> {
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }

  async tryLock(runner: QueryRunner, key: number): Promise<boolean> {
    const rows = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [key])) as Array<{
      locked: boolean;
    }>;
    return rows[0].locked;
  }

  async unlock(runner: QueryRunner, key: number): Promise<void> {
    await runner.query('SELECT pg_advisory_unlock($1)', [key]);
  }

  /**
   * Deletes at most `limit` entries older than `cutoff`, oldest first, across tenants: for each
   * tenant with activity, a range read of its (tenant_id, at) index. Answers how many went.
   */
  async purgeEntries(runner: QueryRunner, cutoff: Date, limit: number): Promise<number> {
    return this.purge(runner, 'activity_entry', 'at', 'id', cutoff, limit);
  }

  async purgeMinutes(runner: QueryRunner, cutoff: Date, limit: number): Promise<number> {
    return this.purge(runner, 'activity_minute', 'minute', 'minute', cutoff, limit);
  }

  private async purge(
    runner: QueryRunner,
    table: 'activity_entry' | 'activity_minute',
    time: 'at' | 'minute',
    key: 'id' | 'minute',
    cutoff: Date,
    limit: number,
  ): Promise<number> {
    const result = await runner.query(
      `WITH doomed AS (
         SELECT d.tenant_id, d.${key} FROM activity_connection c
          CROSS JOIN LATERAL (
            SELECT x.tenant_id, x.${key} FROM ${table} x
             WHERE x.tenant_id = c.tenant_id AND x.${time} < $1 ORDER BY x.${time} LIMIT $2) d
          LIMIT $2)
       DELETE FROM ${table} x USING doomed
        WHERE x.tenant_id = doomed.tenant_id AND x.${key} = doomed.${key}`,
      [cutoff, limit],
      true,
    );
    return (result as { affected?: number }).affected ?? 0;
  }
}
