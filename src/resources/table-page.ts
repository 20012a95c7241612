import type { QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { SqlParams } from '../scim/filter/sql-params';
import { ListSql } from '../scim/query/list-sql';
import { pageWithTotal } from '../scim/query/page-total';

/**
 * One page of a list query on one table (`scim_group g`), and its total: the condition and order
 * built by the SCIM core (`$1` = tenant), the page's bounds added as parameters after theirs.
 */
export function tablePage<T extends QueryResultRow>(
  manager: EntityManager,
  from: string,
  columns: string,
  sql: ListSql,
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
  const read = () =>
    queryPrepared<T>(
      manager,
      `SELECT ${columns} FROM ${from} WHERE ${sql.condition}
        ORDER BY ${sql.order} OFFSET ${page.add(sql.offset)} LIMIT ${page.add(sql.limit)}`,
      page.values,
    );
  return pageWithTotal(sql.offset, sql.limit, read, count);
}
