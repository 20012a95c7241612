import type { Compare, Filter, Suffix, ValuePath } from 'scim2-parse-filter';
import { isUuid } from '../../common/uuid';
import { ScimError } from '../errors/scim-error';
import { AttributeDefinition } from '../schema/attribute';
import { canonicalName, ResolvedPath, ResourceSchema } from '../schema/resource-schema';
import { SqlParams } from './sql-params';
import { ELEMENT, ELEMENTS_AS } from './sql-aliases';

export type ColumnKind = 'text' | 'uuid' | 'boolean' | 'timestamptz' | 'numeric';

/** A column that holds an attribute (indexed lookups), e.g. `u.user_name` for userName. */
export interface SqlColumn {
  sql: string;
  kind: ColumnKind;
  /** Values are stored without leading and trailing whitespace, so values compared with are trimmed too. */
  trimmed?: boolean;
}

/** A multi-valued attribute stored as rows (Group members, User groups), filtered with EXISTS. */
export interface SqlRelation {
  /** `FROM` clause of the EXISTS subquery. */
  from: string;
  /** Ties the relation's rows to the outer row. */
  correlate: string;
  /** Sub-attribute (lower-case name) to column; `value` doubles as the attribute's own value. */
  columns: Record<string, SqlColumn>;
}

/**
 * Where a resource's attributes live: most in the `data` jsonb document (the SCIM representation),
 * some in columns (keys of `columns` are canonical paths in lower case, e.g. `meta.lastmodified`),
 * some as rows (relations).
 */
export interface ResourceStorage {
  /** The tenant id column, first condition of every query. */
  tenant: string;
  /** The creation-order column: the default order and the tie-breaker of every sort. */
  seq: string;
  data: string;
  columns: Record<string, SqlColumn>;
  relations: Record<string, SqlRelation>;
  /**
   * Multi-valued attributes (lower-case name) whose lower-cased `value`s an index covers, as the
   * indexed SQL expression yielding text[]: `emails.value eq "…"` becomes `expr @> ARRAY[…]`.
   */
  indexedValues?: Record<string, string>;
}

type Leaf = { kind: 'column'; column: SqlColumn } | { kind: 'json'; text: string; json: string };

const SQL_OPERATOR: Record<string, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}

function invalid(detail: string): ScimError {
  return ScimError.badRequest('invalidFilter', detail);
}

/**
 * Turns a parsed filter (RFC 7644 §3.4.2.2) into a parameterised SQL condition. Attribute names are
 * checked against the schema registry and only ever reach SQL as parameters or mapped column names;
 * values only as parameters. Comparison follows each attribute's type and `caseExact`.
 */
export class FilterToSql {
  constructor(
    private readonly schema: ResourceSchema,
    private readonly storage: ResourceStorage,
    private readonly params: SqlParams,
  ) {}

  translate(filter: Filter): string {
    return this.logical(filter, (f) => (f.op === '[]' ? this.valuePath(f) : this.comparison(f)));
  }

  /**
   * The filter of a PATCH path such as `members[value eq "…"]`, as a condition on the rows of the
   * relation that stores the attribute (its columns, without the correlation to a resource).
   */
  translateRelationFilter(attrPath: string, filter: Filter): string {
    const path = this.schema.resolveAttribute(attrPath, 'invalidPath');
    const relation = this.storage.relations[path.attribute.name.toLowerCase()];
    if (!relation) throw ScimError.badRequest('invalidPath', `"${attrPath}" is not stored as rows`);
    return this.elementFilter(filter, path, (sub) => this.relationLeaf(relation, sub, attrPath));
  }

  /** and / or / not over conditions; `leaf` translates everything else. */
  private logical(filter: Filter, leaf: (f: Compare | Suffix | ValuePath) => string): string {
    switch (filter.op) {
      case 'and':
      case 'or':
        return `(${filter.filters.map((f) => this.logical(f, leaf)).join(filter.op === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT COALESCE(${this.logical(filter.filter, leaf)}, false))`;
      default:
        return leaf(filter);
    }
  }

  /** `emails[type eq "work" and value co "@x"]`: one element must satisfy the whole inner filter. */
  private valuePath(filter: ValuePath): string {
    const path = this.schema.resolveAttribute(filter.attrPath, 'invalidFilter');
    if (!path.attribute.multiValued || path.subAttribute || !path.attribute.subAttributes) {
      throw invalid(`"${filter.attrPath}" is not a multi-valued complex attribute`);
    }
    const indexed = this.indexedValue(path, filter.valFilter);
    if (indexed) return indexed;
    const relation = this.storage.relations[path.attribute.name.toLowerCase()];
    if (relation) {
      const inner = this.elementFilter(filter.valFilter, path, (sub) =>
        this.relationLeaf(relation, sub, filter.attrPath),
      );
      return `EXISTS (SELECT 1 FROM ${relation.from} WHERE ${relation.correlate} AND ${inner})`;
    }
    const inner = this.elementFilter(filter.valFilter, path, (sub) => {
      const key = this.params.add(sub.name);
      return { kind: 'json', text: `(${ELEMENT} ->> ${key})`, json: `(${ELEMENT} -> ${key})` };
    });
    return `EXISTS (SELECT 1 FROM ${this.elements(path)} ${ELEMENTS_AS} WHERE ${inner})`;
  }

  /** Translates the filter inside brackets, whose attribute names are sub-attributes of `parent`. */
  private elementFilter(
    filter: Filter,
    parent: ResolvedPath,
    leafOf: (sub: AttributeDefinition) => Leaf,
  ): string {
    return this.logical(filter, (f) => {
      if (f.op === '[]') throw invalid('a value filter cannot be nested inside another');
      const sub = parent.attribute.subAttributes?.find(
        (s) => s.name.toLowerCase() === f.attrPath.toLowerCase(),
      );
      if (!sub) throw invalid(`"${f.attrPath}" is not a sub-attribute of ${parent.attribute.name}`);
      return this.compare(f, sub, leafOf(sub), f.attrPath);
    });
  }

  private comparison(filter: Compare | Suffix): string {
    const path = this.schema.resolveAttribute(filter.attrPath, 'invalidFilter');
    const name = canonicalName(path).toLowerCase();
    const column = this.storage.columns[name];
    if (column)
      return this.compare(
        filter,
        path.subAttribute ?? path.attribute,
        { kind: 'column', column },
        filter.attrPath,
      );

    if (path.attribute.multiValued) {
      // `emails.value eq "x"` or `emails eq "x"`: some element's value matches (RFC 7644 §3.4.2.2).
      const subName = path.subAttribute?.name ?? 'value';
      const relation = this.storage.relations[path.attribute.name.toLowerCase()];
      if (filter.op === 'pr' && !path.subAttribute && !relation) {
        return `(jsonb_typeof(${this.jsonPath(path)}) = 'array' AND jsonb_array_length(${this.jsonPath(path)}) > 0)`;
      }
      const sub = path.subAttribute ?? path.attribute.subAttributes?.find((s) => s.name === 'value');
      const indexed = sub && this.indexedValue(path, { ...filter, attrPath: sub.name });
      if (indexed) return indexed;
      if (relation) {
        if (filter.op === 'pr' && !path.subAttribute)
          return `EXISTS (SELECT 1 FROM ${relation.from} WHERE ${relation.correlate})`;
        if (!sub) throw invalid(`"${filter.attrPath}" cannot be compared`);
        const leaf = this.relationLeaf(relation, sub, filter.attrPath);
        return `EXISTS (SELECT 1 FROM ${relation.from} WHERE ${relation.correlate} AND ${this.compare(filter, sub, leaf, filter.attrPath)})`;
      }
      if (!path.attribute.subAttributes) {
        const leaf: Leaf = { kind: 'json', text: `(${ELEMENT} #>> '{}')`, json: ELEMENT };
        return `EXISTS (SELECT 1 FROM ${this.elements(path)} ${ELEMENTS_AS} WHERE ${this.compare(filter, path.attribute, leaf, filter.attrPath)})`;
      }
      if (!sub) throw invalid(`"${filter.attrPath}" cannot be compared`);
      const key = this.params.add(subName);
      const leaf: Leaf = { kind: 'json', text: `(${ELEMENT} ->> ${key})`, json: `(${ELEMENT} -> ${key})` };
      return `EXISTS (SELECT 1 FROM ${this.elements(path)} ${ELEMENTS_AS} WHERE ${this.compare(filter, sub, leaf, filter.attrPath)})`;
    }
    if (path.attribute.type === 'complex' && !path.subAttribute && filter.op !== 'pr') {
      throw invalid(`"${filter.attrPath}" is complex: compare one of its sub-attributes`);
    }
    const keys = this.params.add(this.jsonKeys(path));
    const leaf: Leaf = {
      kind: 'json',
      text: `(${this.storage.data} #>> ${keys}::text[])`,
      json: `(${this.storage.data} #> ${keys}::text[])`,
    };
    return this.compare(filter, path.subAttribute ?? path.attribute, leaf, filter.attrPath);
  }

  /** `value eq "x"` on an attribute whose lower-cased values are indexed, as an index condition. */
  private indexedValue(path: ResolvedPath, filter: Filter): string | null {
    const expression = this.storage.indexedValues?.[path.attribute.name.toLowerCase()];
    const sub = path.attribute.subAttributes?.find((s) => s.name === 'value');
    if (!expression || !sub || sub.caseExact || filter.op !== 'eq') return null;
    if (filter.attrPath.toLowerCase() !== 'value' || typeof filter.compValue !== 'string') return null;
    return `${expression} @> ARRAY[${this.params.add(filter.compValue.toLowerCase())}]::text[]`;
  }

  private relationLeaf(relation: SqlRelation, sub: AttributeDefinition, attrPath: string): Leaf {
    const column = relation.columns[sub.name.toLowerCase()];
    if (!column) throw invalid(`"${attrPath}" cannot be used in a filter`);
    return { kind: 'column', column };
  }

  /** The JSON keys of a resolved path inside `data`: extension attributes sit under their URN. */
  private jsonKeys(path: ResolvedPath): string[] {
    const keys = path.extension && path.schema ? [path.schema.id] : [];
    keys.push(path.attribute.name);
    if (path.subAttribute) keys.push(path.subAttribute.name);
    return keys;
  }

  private jsonPath(path: ResolvedPath): string {
    const keys = this.params.add(this.jsonKeys({ ...path, subAttribute: undefined }));
    return `(${this.storage.data} #> ${keys}::text[])`;
  }

  private elements(path: ResolvedPath): string {
    const array = this.jsonPath(path);
    return `jsonb_array_elements(CASE WHEN jsonb_typeof(${array}) = 'array' THEN ${array} ELSE '[]'::jsonb END)`;
  }

  private compare(
    filter: Compare | Suffix,
    attribute: AttributeDefinition,
    leaf: Leaf,
    attrPath: string,
  ): string {
    if (filter.op === 'pr') return this.present(leaf, attribute);
    const value = filter.compValue;
    if (value === null) {
      if (filter.op === 'eq') return `NOT ${this.present(leaf, attribute)}`;
      if (filter.op === 'ne') return this.present(leaf, attribute);
      throw invalid(`"${filter.op} null" is not a comparison`);
    }
    if (leaf.kind === 'column') return this.compareColumn(filter.op, attribute, leaf.column, value, attrPath);
    switch (attribute.type) {
      case 'boolean':
        return this.compareBoolean(filter.op, leaf.text, value, attrPath);
      case 'integer':
      case 'decimal':
        return this.compareNumber(filter.op, leaf.text, value, attrPath);
      case 'dateTime':
        return this.compareDateTime(filter.op, leaf.text, value, attrPath);
      case 'complex':
        throw invalid(`"${attrPath}" is complex: compare one of its sub-attributes`);
      default:
        return this.compareString(filter.op, leaf.text, String(value), attribute.caseExact);
    }
  }

  private present(leaf: Leaf, attribute: AttributeDefinition): string {
    if (leaf.kind === 'column') {
      return leaf.column.kind === 'text'
        ? `(${leaf.column.sql} IS NOT NULL AND ${leaf.column.sql} <> '')`
        : `(${leaf.column.sql} IS NOT NULL)`;
    }
    const json = leaf.json;
    if (attribute.type === 'complex') return `(jsonb_typeof(${json}) = 'object' AND ${json} <> '{}'::jsonb)`;
    return `(jsonb_typeof(${json}) IS NOT NULL AND jsonb_typeof(${json}) <> 'null' AND ${json} <> '""'::jsonb)`;
  }

  private compareColumn(
    op: Compare['op'],
    attribute: AttributeDefinition,
    column: SqlColumn,
    value: string | number | boolean,
    attrPath: string,
  ): string {
    switch (column.kind) {
      case 'uuid':
        if (op === 'eq') return isUuid(value) ? `${column.sql} = ${this.params.add(value)}::uuid` : 'false';
        if (op === 'ne') return isUuid(value) ? `${column.sql} <> ${this.params.add(value)}::uuid` : 'true';
        return this.compareString(op, `${column.sql}::text`, String(value), false);
      case 'boolean':
        return this.compareBoolean(op, `${column.sql}::text`, value, attrPath);
      case 'timestamptz':
        return this.compareDateTime(op, column.sql, value, attrPath, true);
      case 'numeric':
        return this.compareNumber(op, column.sql, value, attrPath);
      default: {
        const text = column.trimmed ? String(value).trim() : String(value);
        return this.compareString(op, column.sql, text, attribute.caseExact);
      }
    }
  }

  private compareString(op: Compare['op'], expr: string, value: string, caseExact: boolean): string {
    const fold = (sql: string) => (caseExact ? sql : `lower(${sql})`);
    const folded = caseExact ? value : value.toLowerCase();
    switch (op) {
      case 'co':
        return `${fold(expr)} LIKE ${this.params.add(`%${escapeLike(folded)}%`)}`;
      case 'sw':
        return `${fold(expr)} LIKE ${this.params.add(`${escapeLike(folded)}%`)}`;
      case 'ew':
        return `${fold(expr)} LIKE ${this.params.add(`%${escapeLike(folded)}`)}`;
      case 'ne':
        return `(${expr} IS NULL OR ${fold(expr)} <> ${fold(this.params.add(value))})`;
      case 'eq':
        return `${fold(expr)} = ${fold(this.params.add(value))}`;
      default:
        return `${fold(expr)} COLLATE "C" ${SQL_OPERATOR[op]} ${fold(this.params.add(value))}`;
    }
  }

  private compareBoolean(
    op: Compare['op'],
    textExpr: string,
    value: string | number | boolean,
    attrPath: string,
  ): string {
    const normalized = typeof value === 'string' ? value.toLowerCase() : value;
    if (normalized !== true && normalized !== false && normalized !== 'true' && normalized !== 'false') {
      throw invalid(`"${attrPath}" is boolean: compare it with true or false`);
    }
    const param = this.params.add(String(normalized));
    if (op === 'eq') return `${textExpr} = ${param}`;
    if (op === 'ne') return `(${textExpr} IS NULL OR ${textExpr} <> ${param})`;
    throw invalid(`"${op}" cannot compare the boolean "${attrPath}"`);
  }

  private compareNumber(
    op: Compare['op'],
    textExpr: string,
    value: string | number | boolean,
    attrPath: string,
  ): string {
    if (typeof value !== 'number') throw invalid(`"${attrPath}" is a number: compare it with a number`);
    if (op === 'co' || op === 'sw' || op === 'ew')
      throw invalid(`"${op}" cannot compare the number "${attrPath}"`);
    const param = this.params.add(value);
    if (op === 'ne') return `(${textExpr} IS NULL OR (${textExpr})::numeric <> ${param}::numeric)`;
    return `(${textExpr})::numeric ${SQL_OPERATOR[op]} ${param}::numeric`;
  }

  private compareDateTime(
    op: Compare['op'],
    expr: string,
    value: string | number | boolean,
    attrPath: string,
    isColumn = false,
  ): string {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw invalid(`"${attrPath}" is a dateTime: compare it with a date such as "2011-05-13T04:42:34Z"`);
    }
    if (op === 'co' || op === 'sw' || op === 'ew')
      throw invalid(`"${op}" cannot compare the dateTime "${attrPath}"`);
    const left = isColumn ? expr : `(${expr})::timestamptz`;
    const param = `${this.params.add(new Date(value).toISOString())}::timestamptz`;
    if (op === 'ne') return `(${left} IS NULL OR ${left} <> ${param})`;
    return `${left} ${SQL_OPERATOR[op]} ${param}`;
  }
}
