import { FilterToSql, ResourceStorage } from '../filter/filter-to-sql';
import { SqlParams } from '../filter/sql-params';
import { ResourceSchema } from '../schema/resource-schema';
import { ListQuery } from './list-query';
import { sortExpression } from './sort-to-sql';

/** A list query (RFC 7644 §3.4.2) as the pieces of a parameterised SQL query. */
export interface ListSql {
  /** Bind values of `condition` and `order`; `$1` is the tenant id. Add the page's after them. */
  params: SqlParams;
  /**
   * The leading values that `condition` alone uses, for the statement that counts the total: the
   * sort's come after them, and a statement given values it never references fails.
   */
  conditionValues: unknown[];
  /** The tenant condition and the filter, if any. */
  condition: string;
  /** Whether a filter narrows the tenant's resources (else the total is the tenant's count). */
  filtered: boolean;
  /** `ORDER BY` list: `sortBy` if given, then creation order, so pages are stable. */
  order: string;
  /** Rows skipped: `startIndex - 1`. */
  offset: number;
  /** Rows wanted: `count`. */
  limit: number;
}

/** Translates filter, sort and paging once for every resource type, from its storage map. */
export function listSql(
  schema: ResourceSchema,
  storage: ResourceStorage,
  tenantId: string,
  query: ListQuery,
): ListSql {
  const params = new SqlParams([tenantId]);
  const where = query.filter ? new FilterToSql(schema, storage, params).translate(query.filter) : null;
  const conditionValues = [...params.values];
  const sortBy = query.sortBy ? sortExpression(schema, storage, query.sortBy, params) : null;
  const direction = query.sortOrder === 'descending' ? 'DESC' : 'ASC';
  return {
    params,
    conditionValues,
    condition: `${storage.tenant} = $1${where ? ` AND ${where}` : ''}`,
    filtered: where !== null,
    order: `${sortBy ? `${sortBy} ${direction} NULLS LAST, ` : ''}${storage.seq} ${direction}`,
    offset: query.startIndex - 1,
    limit: query.count,
  };
}
