import type { QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { SqlParams } from '../scim/filter/sql-params';
import { ListSql } from '../scim/query/list-sql';
import { pageWithTotal } from '../scim/query/page-total';

/**
 * One page of a list query on one table (`scim_group g`), and its total: the condition and order
 * built by the SCIM core (`$1` = tenant), the page's bounds added as parameters after theirs. With
 * `joined` (the joins a read adds after `from`, the row's alias first), the page is chosen on the
 * table alone (an index-only scan for the default order), then joined.
 */
export function tablePage<T extends QueryResultRow>(
  manager: EntityManager,
  from: string,
  columns: string,
  sql: ListSql,
  joined?: { alias: string; joins: string },
): Promise<{ rows: T[]; total: number }> {
  const count = async () =>
    (
      await queryPrepared<{ total: number }>(
        manager,
        `SELECT count(*)::int AS total FROM ${from} WHERE ${sql.condition}`,
        sql.conditionValues,
      )
    )[0].total;
  const page = new SqlParams(sql.params.values);
  const bounds = `ORDER BY ${sql.order} OFFSET ${page.add(sql.offset)} LIMIT ${page.add(sql.limit)}`;
  const text = joined
    ? `SELECT ${columns}
         FROM (SELECT ${joined.alias}.id FROM ${from} WHERE ${sql.condition} ${bounds}) p
         JOIN ${from} ON ${joined.alias}.tenant_id = $1 AND ${joined.alias}.id = p.id ${joined.joins}
        ORDER BY ${sql.order}`
    : `SELECT ${columns} FROM ${from} WHERE ${sql.condition}
        ${bounds}`;
  return pageWithTotal(sql.offset, sql.limit, () => queryPrepared<T>(manager, text, page.values), count);
}
