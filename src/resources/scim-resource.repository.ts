import { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { returnedRows } from '../database/returned-rows';
import { runTransaction } from '../database/transactions';
import { SqlParams } from '../scim/filter/sql-params';
import { ListSql } from '../scim/query/list-sql';
import { tablePage } from './table-page';
import { ResourceDefinition } from '../scim/resource/resource-definition';

/** A row of a generic resource type: the document, its columns, and the ids each reference names. */
export interface ResourceRow {
  id: string;
  data: Record<string, unknown>;
  version: number;
  created_at: Date;
  last_modified: Date;
  /** Per reference (by its index in the definition), the ids its rows name, in the order added. */
  refs: string[][];
}

/** What a write stores: the document, and per reference the ids it is to name. */
export interface ResourceWrite {
  data: Record<string, unknown>;
  refs: string[][];
}

type RawRow = Omit<ResourceRow, 'refs'> & Record<string, unknown>;

/**
 * All SQL of a resource type without rules of its own, built from its definition: the table's row
 * (document, version, times, the columns its indexes need) and the rows of its references. Table and
 * column names come from the definition alone; values only as parameters; every statement is scoped
 * by the tenant id, its first parameter.
 */
export class ScimResourceRepository {
  private readonly table: string;
  private readonly x: string;
  private readonly columns: Array<[attribute: string, column: string]>;
  private readonly readColumns: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly definition: ResourceDefinition,
  ) {
    this.table = definition.table.name;
    this.x = definition.table.alias;
    this.columns = Object.entries(definition.table.columns ?? {});
    const x = this.x;
    const refs = definition.references.map(
      (r, i) =>
        `(SELECT coalesce(array_agg(${x}_r.${r.referenced} ORDER BY ${x}_r.${r.referenced}), '{}')
            FROM ${r.table} ${x}_r
           WHERE ${x}_r.tenant_id = ${x}.tenant_id AND ${x}_r.${r.referrer} = ${x}.id)::text[] AS ref_${i}`,
    );
    this.readColumns = [
      `${x}.id, ${x}.data, ${x}.version, ${x}.created_at, ${x}.last_modified`,
      ...refs,
    ].join(', ');
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  async insert(
    m: EntityManager,
    tenantId: string,
    id: string,
    write: ResourceWrite,
    now: Date,
  ): Promise<void> {
    const params = new SqlParams([tenantId, id, write.data, now]);
    const names = this.columns.map(([, column]) => column);
    const values = this.columns.map(([attribute]) => params.add(this.columnValue(write, attribute)));
    await m.query(
      `INSERT INTO ${this.table} (tenant_id, id, data, created_at, last_modified${names.map((n) => `, ${n}`).join('')})
       VALUES ($1, $2, $3, $4, $4${values.map((v) => `, ${v}`).join('')})`,
      params.values,
    );
    await this.writeRefs(m, tenantId, id, write.refs);
  }

  async update(
    m: EntityManager,
    tenantId: string,
    id: string,
    write: ResourceWrite,
    now: Date,
  ): Promise<void> {
    const params = new SqlParams([tenantId, id, write.data, now]);
    const set = this.columns.map(
      ([attribute, column]) => `, ${column} = ${params.add(this.columnValue(write, attribute))}`,
    );
    const result: unknown = await m.query(
      `UPDATE ${this.table} AS x SET data = $3, last_modified = $4, version = x.version + 1${set.join('')}
        WHERE x.tenant_id = $1 AND x.id = $2 RETURNING x.id`,
      params.values,
    );
    if (returnedRows(result).length === 0)
      throw new Error(`${this.definition.name} ${id} vanished under its lock`);
    await this.writeRefs(m, tenantId, id, write.refs);
  }

  async find(
    tenantId: string,
    id: string,
    m: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<ResourceRow | null> {
    const rows = await queryPrepared<RawRow>(
      m,
      `SELECT ${this.readColumns} FROM ${this.table} ${this.x}
        WHERE ${this.x}.tenant_id = $1 AND ${this.x}.id = $2${forUpdate ? ' FOR NO KEY UPDATE' : ''}`,
      [tenantId, id],
    );
    return rows[0] ? this.rowOf(rows[0]) : null;
  }

  async delete(m: EntityManager, tenantId: string, id: string): Promise<void> {
    await m.query(`DELETE FROM ${this.table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }

  /** One page of a list query (built by the SCIM core, `$1` = tenant), and its total. */
  async search(sql: ListSql): Promise<{ rows: ResourceRow[]; total: number }> {
    const from = `${this.table} ${this.x}`;
    const { rows, total } = await tablePage<RawRow>(this.dataSource.manager, from, this.readColumns, sql);
    return { rows: rows.map((r) => this.rowOf(r)), total };
  }

  /** Which of `ids` name a resource of the tenant in `table` (a referenced type's table). */
  async existing(m: EntityManager, tenantId: string, table: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await m.query(
      `SELECT id FROM ${table} WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The reference rows become exactly `refs`: those no longer named go, the new ones are added. */
  private async writeRefs(m: EntityManager, tenantId: string, id: string, refs: string[][]): Promise<void> {
    for (const [i, reference] of this.definition.references.entries()) {
      const ids = refs[i] ?? [];
      await m.query(
        `DELETE FROM ${reference.table} WHERE tenant_id = $1 AND ${reference.referrer} = $2
            AND NOT (${reference.referenced} = ANY($3::uuid[]))`,
        [tenantId, id, ids],
      );
      await m.query(
        `INSERT INTO ${reference.table} (tenant_id, ${reference.referrer}, ${reference.referenced})
         SELECT $1, $2, v FROM unnest($3::uuid[]) AS v ON CONFLICT DO NOTHING`,
        [tenantId, id, ids],
      );
    }
  }

  private columnValue(write: ResourceWrite, attribute: string): string | null {
    const value = write.data[attribute];
    return typeof value === 'string' ? value : null;
  }

  private rowOf(raw: RawRow): ResourceRow {
    const refs = this.definition.references.map((_, i) => (raw[`ref_${i}`] as string[] | null) ?? []);
    return {
      id: raw.id,
      data: raw.data,
      version: raw.version,
      created_at: raw.created_at,
      last_modified: raw.last_modified,
      refs,
    };
  }
}
