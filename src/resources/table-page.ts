import type { QueryResultRow } from 'pg';
import { EntityManager } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { SqlParams } from '../scim/filter/sql-params';
import { ListSql } from '../scim/query/list-sql';
import { pageWithTotal } from '../scim/query/page-total';

/** How a page is read beyond its table: what it joins, and where an unfiltered total comes from. */
export interface PageOptions {
  /** The joins a read adds after `from` (on the row's alias): the page is chosen first, then joined. */
  joined?: { alias: string; joins: string };
  /** The SQL of the tenant's count (`$1` = tenant), read instead of counting an unfiltered list. */
  tenantCount?: string;
}

const TOTAL = 'total__';

/**
 * One page of a list query on one table (`scim_group g`), and its total: the condition and order
 * built by the SCIM core (`$1` = tenant), the page's bounds added as parameters after theirs. With
 * `joined`, the page is chosen on the table alone (an index-only scan for the default order), then
 * joined. An unfiltered list with `tenantCount` carries its total in the page's own statement, so a
 * page is one statement (a page past the end reads the count apart); otherwise the total is counted
 * only when the page cannot tell it (pageWithTotal).
 */
export async function tablePage<T extends QueryResultRow>(
  manager: EntityManager,
  from: string,
  columns: string,
  sql: ListSql,
  options: PageOptions = {},
): Promise<{ rows: T[]; total: number }> {
  const tenantCount = sql.filtered ? undefined : options.tenantCount;
  const count = async () =>
    (
      await queryPrepared<{ total: number }>(
        manager,
        tenantCount
          ? `SELECT ${tenantCount} AS total`
          : `SELECT count(*)::int AS total FROM ${from} WHERE ${sql.condition}`,
        tenantCount ? [sql.conditionValues[0]] : sql.conditionValues,
      )
    )[0].total;
  const page = new SqlParams(sql.params.values);
  const bounds = `ORDER BY ${sql.order} OFFSET ${page.add(sql.offset)} LIMIT ${page.add(sql.limit)}`;
  const selected = tenantCount ? `${columns}, ${tenantCount} AS ${TOTAL}` : columns;
  const { joined } = options;
  const text = joined
    ? `SELECT ${selected}
         FROM (SELECT ${joined.alias}.id FROM ${from} WHERE ${sql.condition} ${bounds}) p
         JOIN ${from} ON ${joined.alias}.tenant_id = $1 AND ${joined.alias}.id = p.id ${joined.joins}
        ORDER BY ${sql.order}`
    : `SELECT ${selected} FROM ${from} WHERE ${sql.condition}
        ${bounds}`;
  let carried: number | undefined;
  const read = async () => {
    const rows = await queryPrepared<T & { [TOTAL]?: number }>(manager, text, page.values);
    if (tenantCount && rows.length > 0) carried = Number(rows[0][TOTAL]);
    for (const row of rows) delete row[TOTAL];
    return rows as T[];
  };
  return pageWithTotal(sql.offset, sql.limit, read, () =>
    carried !== undefined ? Promise.resolve(carried) : count(),
  );
}
