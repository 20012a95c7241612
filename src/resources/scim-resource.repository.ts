import { DataSource, EntityManager } from 'typeorm';
import { sendAhead } from '../database/pipeline';
import { queryPrepared } from '../database/prepared-query';
import { runTransaction } from '../database/transactions';
import { SqlParams } from '../scim/filter/sql-params';
import { ListSql } from '../scim/query/list-sql';
import { ResourceDefinition, ResourceReference, TableColumn } from '../scim/resource/resource-definition';
import { tablePage } from './table-page';
import { tableColumn } from './table-storage';

/**
 * A row of a resource type: the document, its columns (by attribute), the ids each reference the
 * repository keeps names, and what the read's joins brought along (`extra`, as the type parses it).
 */
export interface ResourceRow {
  id: string;
  data: Record<string, unknown>;
  version: number;
  created_at: Date;
  last_modified: Date;
  /** Attribute → the value of its column (`userName` → `user_name`). */
  columns: Record<string, unknown>;
  /** Per reference kept here (by its index in `references`), the ids its rows name, in order. */
  refs: string[][];
  /** What the type's read adds (a User's seat, its groups when read); {} on a row a write returned. */
  extra: Record<string, unknown>;
}

/** What a write stores: the document, columns only a hook knows, and per reference the ids it names. */
export interface ResourceWrite {
  data: Record<string, unknown>;
  /** Column → value; a column left out keeps its value (a write-only `password_hash`). */
  columns?: Record<string, unknown>;
  refs: string[][];
}

/** What a column keeps of its attribute's value. */
function storedValue(kind: TableColumn['kind'], value: unknown): unknown {
  if (kind === 'boolean') return value === true;
  return typeof value === 'string' ? value : null;
}

type RawRow = Record<string, unknown> & {
  id: string;
  data: Record<string, unknown>;
  version: number;
  created_at: Date;
  last_modified: Date;
};

/**
 * All SQL of a resource type's own row, built from its definition: the table's row (document,
 * version, times, the columns its indexes need), what a read joins, and the rows of the references it
 * keeps (those no hook keeps). Table and column names come from the definition alone; values only as
 * parameters; every statement is scoped by the tenant id, its first parameter.
 */
export class ScimResourceRepository {
  private readonly table: string;
  private readonly x: string;
  private readonly columns: Array<[attribute: string, column: TableColumn]>;
  /** The row's own columns, as a write returns them. */
  private readonly ownColumns: string;
  private readonly readColumns: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly definition: ResourceDefinition,
    /** The references whose rows this repository writes (a hook keeps the others). */
    private readonly references: ResourceReference[],
  ) {
    this.table = definition.table.name;
    const x = (this.x = definition.table.alias);
    this.columns = Object.entries(definition.table.columns ?? {}).map(([a, c]) => [a, tableColumn(c)]);
    this.ownColumns = [
      `${x}.id, ${x}.data, ${x}.version, ${x}.created_at, ${x}.last_modified`,
      ...this.columns.map(([, c], i) => `${x}.${c.column} AS col_${i}`),
    ].join(', ');
    const refs = references.map(
      (r, i) =>
        `(SELECT coalesce(array_agg(${x}_r.${r.referenced} ORDER BY ${x}_r.${r.referenced}), '{}')
            FROM ${r.table} ${x}_r
           WHERE ${x}_r.tenant_id = ${x}.tenant_id AND ${x}_r.${r.referrer} = ${x}.id)::text[] AS ref_${i}`,
    );
    const read = definition.table.read;
    this.readColumns = [this.ownColumns, ...refs, ...(read ? [read.columns] : [])].join(', ');
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  /** Sent ahead (pipeline.ts): the row is what the statement writes, known without its answer. */
  async insert(
    m: EntityManager,
    tenantId: string,
    id: string,
    write: ResourceWrite,
    now: Date,
  ): Promise<ResourceRow> {
    const own = this.ownValues(write);
    const params = new SqlParams([tenantId, id, write.data, now]);
    const set = this.columnValues(own, write, params);
    await sendAhead(
      m,
      `INSERT INTO ${this.table} (tenant_id, id, data, created_at, last_modified${set.map(([n]) => `, ${n}`).join('')})
       VALUES ($1, $2, $3, $4, $4${set.map(([, v]) => `, ${v}`).join('')})`,
      params.values,
    );
    await this.writeRefs(m, tenantId, id, write.refs);
    return { ...this.written(id, write, own, now), version: 1, created_at: now };
  }

  /**
   * A new version of `current`, whose row the caller holds locked (`find` for update), so the
   * statement is sent ahead (pipeline.ts) and the row is known without its answer.
   */
  async update(
    m: EntityManager,
    tenantId: string,
    current: ResourceRow,
    write: ResourceWrite,
    now: Date,
  ): Promise<ResourceRow> {
    const x = this.x;
    const own = this.ownValues(write);
    const params = new SqlParams([tenantId, current.id, write.data, now]);
    const set = this.columnValues(own, write, params).map(([column, value]) => `, ${column} = ${value}`);
    await sendAhead(
      m,
      `UPDATE ${this.table} AS ${x} SET data = $3, last_modified = $4, version = ${x}.version + 1${set.join('')}
        WHERE ${x}.tenant_id = $1 AND ${x}.id = $2`,
      params.values,
    );
    await this.writeRefs(m, tenantId, current.id, write.refs);
    return {
      ...this.written(current.id, write, own, now),
      version: current.version + 1,
      created_at: current.created_at,
    };
  }

  /** The row with what its read joins, and the `optional` attributes asked for, in one statement. */
  async find(
    tenantId: string,
    id: string,
    optional: string[] = [],
    m: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<ResourceRow | null> {
    const x = this.x;
    const rows = await queryPrepared<RawRow>(
      m,
      `SELECT ${this.readColumns}${this.optionalColumns(optional)} FROM ${this.table} ${x}${this.joins()}
        WHERE ${x}.tenant_id = $1 AND ${x}.id = $2${forUpdate ? ` FOR NO KEY UPDATE OF ${x}` : ''}`,
      [tenantId, id],
    );
    return rows[0] ? this.rowOf(rows[0]) : null;
  }

  async delete(m: EntityManager, tenantId: string, id: string): Promise<void> {
    await m.query(`DELETE FROM ${this.table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }

  /**
   * One page of a list query (built by the SCIM core, `$1` = tenant), and its total. Where a read
   * joins other tables, the page is chosen on the table alone (an index-only scan for the default
   * order), then joined.
   */
  async search(sql: ListSql, optional: string[] = []): Promise<{ rows: ResourceRow[]; total: number }> {
    const read = this.definition.table.read;
    const { rows, total } = await tablePage<RawRow>(
      this.dataSource.manager,
      `${this.table} ${this.x}`,
      this.readColumns + this.optionalColumns(optional),
      sql,
      {
        joined: read ? { alias: this.x, joins: read.joins } : undefined,
        tenantCount: this.definition.table.counted
          ? `(SELECT coalesce(sum(rc.n), 0)::int FROM resource_count rc
               WHERE rc.tenant_id = $1 AND rc.resource_table = '${this.table}')`
          : undefined,
      },
    );
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
    for (const [i, reference] of this.references.entries()) {
      const ids = refs[i] ?? [];
      await sendAhead(
        m,
        `DELETE FROM ${reference.table} WHERE tenant_id = $1 AND ${reference.referrer} = $2
            AND NOT (${reference.referenced} = ANY($3::uuid[]))`,
        [tenantId, id, ids],
      );
      await sendAhead(
        m,
        `INSERT INTO ${reference.table} (tenant_id, ${reference.referrer}, ${reference.referenced})
         SELECT $1, $2, v FROM unnest($3::uuid[]) AS v ON CONFLICT DO NOTHING`,
        [tenantId, id, ids],
      );
    }
  }

  /** Attribute → what its column keeps of the write's value (the row's own columns). */
  private ownValues(write: ResourceWrite): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [attribute, { kind }] of this.columns)
      values[attribute] = storedValue(kind, write.data[attribute]);
    return values;
  }

  /** Each column a write sets, with its value's parameter: the row's own columns, then the hook's. */
  private columnValues(
    own: Record<string, unknown>,
    write: ResourceWrite,
    params: SqlParams,
  ): Array<[column: string, value: string]> {
    const set: Array<[string, string]> = this.columns.map(([attribute, { column }]) => [
      column,
      params.add(own[attribute]),
    ]);
    for (const [column, value] of Object.entries(write.columns ?? {})) {
      if (value !== undefined) set.push([column, params.add(value)]);
    }
    return set;
  }

  /** The row a write leaves, as a read returns its own columns (but the version and creation time). */
  private written(id: string, write: ResourceWrite, columns: Record<string, unknown>, now: Date) {
    return { id, data: write.data, last_modified: now, columns, refs: write.refs, extra: {} };
  }

  private joins(): string {
    const read = this.definition.table.read;
    return read ? ` ${read.joins}` : '';
  }

  private optionalColumns(attributes: string[]): string {
    const optional = this.definition.table.read?.optional ?? {};
    return attributes
      .filter((a) => optional[a] !== undefined)
      .map((a) => `, ${optional[a]} AS "${a}"`)
      .join('');
  }

  private rowOf(raw: RawRow): ResourceRow {
    const { id, data, version, created_at, last_modified, ...rest } = raw;
    const columns: Record<string, unknown> = {};
    for (const [i, [attribute]] of this.columns.entries()) {
      columns[attribute] = rest[`col_${i}`];
      delete rest[`col_${i}`];
    }
    const refs = this.references.map((_, i) => {
      const ids = (rest[`ref_${i}`] as string[] | null) ?? [];
      delete rest[`ref_${i}`];
      return ids;
    });
    const read = this.definition.table.read;
    const extra = read && Object.keys(rest).length > 0 ? read.parse(rest) : {};
    return { id, data, version, created_at, last_modified, columns, refs, extra };
  }
}
