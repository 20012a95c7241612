import { ResourceStorage } from '../filter/filter-to-sql';
import { assertStorageAliases } from '../filter/sql-aliases';
import { SchemaDefinition } from '../schema/attribute';
import { IndexedString } from './indexed-strings';

/** An event a resource type records: `group.members_removed` and its data. */
export interface ResourceEvent {
  type: string;
  data: Record<string, unknown>;
}

/** An attribute marked `uniqueness: "server"`: the unique index that enforces it, and what a 409 says. */
export interface UniqueAttribute {
  /** The attribute's name in the core schema (`userName`), or `id`. */
  attribute: string;
  /** The unique index (or primary key) PostgreSQL names in a 23505 violation. */
  index: string;
  /** The plain-words `detail` of the 409 `uniqueness` error. */
  detail: string;
}

/**
 * Rows of this resource type that name a resource of another (or the same) type: a Group's members.
 * When a referenced resource is deleted its rows go with it (foreign keys), and each referrer gets a
 * new version, so that its ETag changes with its content.
 */
export interface ResourceReference {
  /** The multi-valued attribute the rows make (`members`). */
  attribute: string;
  /** The resource type the rows name. */
  resourceType: string;
  /** The table of the rows, keyed by `tenant_id`. */
  table: string;
  /** Its column naming this type's resource (the referrer). */
  referrer: string;
  /** Its column naming the referenced resource. */
  referenced: string;
  /** The events a referrer's loss of a member makes (the referrer's own event types), if any. */
  removedEvents?: (referrerId: string, referencedId: string) => ResourceEvent[];
}

/** A top-level attribute kept in a column of its own: text (the default) or a boolean (`active`). */
export interface TableColumn {
  column: string;
  kind: 'text' | 'boolean';
}

/**
 * What a read of the type's rows brings along beside the table's own columns: tables joined on the
 * row's alias (a User's seat), and attributes read only when the answer returns them (a User's
 * `groups`), each as one column of the same statement, named after the attribute.
 */
export interface TableRead {
  /** The columns the joins add (`s.status, s.quota_amount`). */
  columns: string;
  /** Joins after `table alias` (`LEFT JOIN seat s ON s.tenant_id = u.tenant_id AND …`). */
  joins: string;
  /** Attribute → the SQL of its one column, read only when the answer returns the attribute. */
  optional?: Record<string, string>;
  /** The added columns (and optional ones read) as the type's hooks use them (`seat`, `groups`). */
  parse: (raw: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The type's table and its alias in `storage`'s SQL. It has tenant_id, id, seq, data, version,
 * created_at and last_modified; `columns` names the top-level attributes copied into columns of their
 * own (`displayName` → `display_name`) for indexes, which the generic repository writes.
 */
export interface ResourceTable {
  name: string;
  alias: string;
  columns?: Record<string, string | TableColumn>;
  /** The SQL, on `alias`, of what a referrer shows as the resource's `display` (a member's name). */
  display?: string;
  read?: TableRead;
  /**
   * Whether the table's rows are counted per tenant in `resource_count` (by the triggers of the
   * resource-counts migration), so an unfiltered list reads its total there instead of counting.
   */
  counted?: boolean;
}

/** The words of one OpenAPI operation, where a type says more than the generic ones. */
export interface OperationDocs {
  summary?: string;
  description?: string;
}

/** What the OpenAPI document says of a resource type's operations. */
export type ResourceOperationDocs = Partial<
  Record<'create' | 'list' | 'search' | 'get' | 'replace' | 'patch' | 'remove', OperationDocs>
>;

/**
 * One SCIM resource type, described once by the module that owns it and registered once: the schema
 * registry, discovery, the routes, the root `/.search`, the OpenAPI document, the 409 messages and the
 * version bumps of referrers are all built from the registered definitions.
 */
export interface ResourceDefinition {
  /** `User`: the ResourceType's id and name, and `meta.resourceType`. */
  name: string;
  /** `/Users`: where the type lives under a tenant's SCIM base URL. */
  endpoint: string;
  description: string;
  schema: SchemaDefinition;
  /** Extension schemas built into Rollcall, in the order unqualified names resolve. */
  extensions: Array<{ schema: SchemaDefinition; required: boolean }>;
  /** The table, its columns, and what a read brings along. */
  table: ResourceTable;
  /** Where each attribute lives, for the filter, sort and PATCH engines. */
  storage: ResourceStorage;
  /** The strings indexes hold: trimmed, bounded, not blank as the rules say. */
  indexedStrings: IndexedString[];
  /** Every attribute marked `uniqueness: "server"`, with its index and message. */
  unique: UniqueAttribute[];
  /** Rows of this type that name other resources. */
  references: ResourceReference[];
  /** `user`: events are `user.created`, `user.updated`, `user.deleted`. */
  eventPrefix: string;
  /** How a PATCH without a projection answers: 200 with the resource, or 204 with the new ETag only. */
  patchAnswer: 'resource' | 'noContent';
  /** OpenAPI descriptions of its operations, where the type says more than the generic text. */
  docs?: ResourceOperationDocs;
  /** A realistic body for create and replace in the OpenAPI document (what an IdP sends), so that
   * executing the example in Swagger UI as offered succeeds. */
  example?: { summary: string; value: Record<string, unknown> };
  /**
   * Its place in discovery and the root `/.search` (Users 1, Groups 2); types without one follow in
   * registration order.
   */
  listOrder?: number;
}

const registered: ResourceDefinition[] = [];

/**
 * Registers a resource type for this process, the way an entity is registered with TypeORM: called
 * where its module is declared. Types are served in registration order (the root search's order).
 */
export function registerResourceType(definition: ResourceDefinition): ResourceDefinition {
  if (registered.includes(definition)) return definition;
  const clash = registered.find(
    (r) =>
      r.name.toLowerCase() === definition.name.toLowerCase() ||
      r.endpoint.toLowerCase() === definition.endpoint.toLowerCase(),
  );
  if (clash) throw new Error(`resource type ${definition.name} clashes with ${clash.name}`);
  assertStorageAliases(definition.name, definition.storage);
  registered.push(definition);
  return definition;
}

/** The resource types registered so far, by `listOrder`, then in registration order. */
export function registeredResourceTypes(): readonly ResourceDefinition[] {
  const place = (d: ResourceDefinition) => d.listOrder ?? Number.MAX_SAFE_INTEGER;
  return [...registered].sort((a, b) => place(a) - place(b));
}
