import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';

/** Distinct statements prepared per connection at most; beyond it, statements run unprepared. */
const MAX_PREPARED = 500;
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED) {
    name = 'rc_' + createHash('sha1').update(text).digest('hex').slice(0, 20);
    names.set(text, name);
  }
  return name;
}

/**
 * Runs a statement as a named prepared statement on the connection of `manager` (its transaction's,
 * or the pool's), so PostgreSQL parses and plans the hot statements once per connection rather
 * than on every request. Statement texts come from the repositories, never from input: values are
 * parameters. Returns the rows.
 */
export async function queryPrepared<T extends QueryResultRow>(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  // `extra.preparedStatements` (data-source-options.ts): false where connections share a session.
  const extra = (manager.connection.options as { extra?: { preparedStatements?: boolean } }).extra;
  const config = { name: extra?.preparedStatements === false ? undefined : nameOf(text), text, values };
  const runner = manager.queryRunner;
  if (runner && !runner.isReleased) {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query<T>(config)).rows;
  }
  const pool = (manager.connection.driver as unknown as { master: Pool }).master;
  return (await pool.query<T>(config)).rows;
}
