import { EntityManager } from 'typeorm';
import { StreamedAttribute } from '../scim/http/scim-json-stream';
import { RelationChange } from '../scim/patch/patch-engine';
import { ResponseProjection } from '../scim/query/projection';
import { ScimObject } from '../scim/resource/attribute-values';
import { ResourceEvent } from '../scim/resource/resource-definition';
import { ResourceRow } from './scim-resource.repository';

/** Which write a hook is preparing: a POST, a PUT or a PATCH. */
export type WriteMode = 'create' | 'replace' | 'patch';

/** A body (or a patched document) about to be stored, as the SCIM core read it. */
export interface HookInput {
  data: ScimObject;
  writeOnly: ScimObject;
  /** The PATCH operations on the hook's own `relations`, in order (none on create and PUT). */
  relations: RelationChange[];
}

/**
 * What a hook made of an input: the document to store, the values of columns only it knows (a
 * write-only `password_hash`; a column left out is left as it is), and what it will do with its own
 * rows once the resource's row is written (`pending`).
 */
export interface PreparedWrite<P> {
  data: ScimObject;
  columns?: Record<string, unknown>;
  pending: P;
}

/** The write a hook runs inside: the transaction, the tenant, the write's time. */
export interface HookContext {
  m: EntityManager;
  tenantId: string;
  now: Date;
  /** The resource as its events carry it, rendered from `row` as it is now. */
  eventResource(row: ResourceRow): ScimObject;
}

/**
 * What a resource type does beyond the rules every type shares (ScimResourceService): a User's seat,
 * a Group's membership rows. Each hook runs in the write's transaction; the events it returns are
 * recorded with the write's own, in the order each hook's place says. Every hook is optional.
 */
export interface ResourceHooks<P = unknown> {
  /** Attributes kept as rows of the hook's own: PATCH reports their operations as `relations`. */
  readonly relations?: readonly string[];
  /** The document PATCH operations apply to, where the type shows more than its `data`. */
  patchDocument?(row: ResourceRow): ScimObject;
  /** The input made ready to store; `current` is null on create (then outside the transaction). */
  prepare?(input: HookInput, mode: WriteMode, current: ResourceRow | null): Promise<PreparedWrite<P>>;
  /** After the row is inserted; its events follow `{prefix}.created`. */
  created?(c: HookContext, row: ResourceRow, pending: P): Promise<ResourceEvent[]>;
  /**
   * Before the row is updated: the hook's own rows. `changed` says whether they changed (a PATCH
   * that changes nothing else and nothing here leaves the version alone); its events follow
   * `{prefix}.updated`.
   */
  changing?(
    c: HookContext,
    current: ResourceRow,
    pending: P,
  ): Promise<{ changed: boolean; events: ResourceEvent[] }>;
  /**
   * After the row is updated, before its events are made: the hook may change what `changed` names
   * (the attributes `{prefix}.updated` lists); its events follow the ones `changing` returned.
   */
  updated?(
    c: HookContext,
    current: ResourceRow,
    updated: ResourceRow,
    pending: P,
    changed: Set<string>,
  ): Promise<ResourceEvent[]>;
  /** Before the row is deleted; its events come before `{prefix}.deleted`. */
  deleting?(c: HookContext, current: ResourceRow): Promise<ResourceEvent[]>;
  /** Attributes the answer shows beyond the stored document (a User's `groups` and seat). */
  attributes?(tenantId: string, row: ResourceRow, view: ResponseProjection): ScimObject;
  /** An attribute too large to hold, streamed into the answer for a page of rows (a Group's members). */
  streamed?(tenantId: string, rows: ResourceRow[], view: ResponseProjection): StreamedAttribute | null;
}

/** The hooks of a type without rules of its own. */
export const NO_HOOKS: ResourceHooks = {};
