import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { isUuid } from '../common/uuid';
import { EventsService } from '../events/events.service';
import { ScimError } from '../scim/errors/scim-error';
import { listBody, ScimStreamBody } from '../scim/http/scim-json-stream';
import { resourceLocation } from '../scim/http/scim-urls';
import { PatchEngine } from '../scim/patch/patch-engine';
import { readPatchRequest } from '../scim/patch/patch-request';
import { ListQuery, Projection } from '../scim/query/list-query';
import { listSql } from '../scim/query/list-sql';
import { ResponseProjection } from '../scim/query/projection';
import { changedAttributes } from '../scim/resource/attribute-diff';
import { isObject, ScimObject } from '../scim/resource/attribute-values';
import { normalizeIndexedStrings } from '../scim/resource/indexed-strings';
import { ResourceDefinition, ResourceEvent, ResourceReference } from '../scim/resource/resource-definition';
import { readResource } from '../scim/resource/resource-reader';
import { checkIfMatch } from '../scim/resource/versioning';
import { ResourceSchema } from '../scim/schema/resource-schema';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { ReferrerVersions } from './referrer-versions';
import { representation } from './resource-representation';
import { HookContext, HookInput, PreparedWrite, ResourceHooks, WriteMode } from './resource-hooks';
import { ResourceRow, ResourceWrite, ScimResourceRepository } from './scim-resource.repository';
import { ScimResourceHandler, ScimResult } from './scim-resource-handler';

/** The references whose rows the generic repository keeps: those on no attribute a hook keeps. */
export function repositoryReferences(
  definition: ResourceDefinition,
  hooks: ResourceHooks,
): ResourceReference[] {
  const kept = new Set((hooks.relations ?? []).map((a) => a.toLowerCase()));
  return definition.references.filter((r) => !kept.has(r.attribute.toLowerCase()));
}

/**
 * The rules every resource type shares: create, read, list, replace, PATCH and delete, each write in
 * one transaction with its events (`{prefix}.created`, `.updated`, `.deleted`), If-Match checked under
 * the row's lock. References the repository keeps (a `members` list naming Users) are rows checked
 * against the referenced type's table, so a member is always a resource of the tenant. What a type
 * does beyond these (a User's seat, a Group's membership rows) its hooks do, inside the same
 * transaction (ResourceHooks).
 */
export class ScimResourceService implements ScimResourceHandler {
  private readonly schema: ResourceSchema;
  private readonly patchEngine: PatchEngine;
  private readonly references: ResourceReference[];
  private readonly relations: Set<string>;
  /** Attributes never in an event's resource: references (their rows may be many), optional reads. */
  private readonly eventView: Projection;

  constructor(
    private readonly definition: ResourceDefinition,
    private readonly repository: ScimResourceRepository,
    private readonly hooks: ResourceHooks,
    private readonly events: EventsService,
    private readonly referrers: ReferrerVersions,
    private readonly registry: SchemaRegistry,
    private readonly publicUrl: string,
  ) {
    this.schema = registry.resource(definition.name);
    this.relations = new Set((hooks.relations ?? []).map((a) => a.toLowerCase()));
    this.patchEngine = new PatchEngine(this.schema, this.relations);
    this.references = repositoryReferences(definition, hooks);
    const optional = Object.keys(definition.table.read?.optional ?? {});
    this.eventView = {
      attributes: [],
      excludedAttributes: [...new Set([...definition.references.map((r) => r.attribute), ...optional])],
    };
  }

  async create(tenantId: string, body: unknown, projection: Projection): Promise<ScimResult> {
    const input = readResource(this.schema, body);
    const prepared = await this.prepare({ ...input, relations: [] }, 'create', null);
    const row = await this.repository.transaction(async (m) => {
      const c = this.context(m, tenantId);
      const write = await this.toWrite(m, tenantId, prepared);
      const created = await this.repository.insert(m, tenantId, randomUUID(), write, c.now);
      const events = (await this.hooks.created?.(c, created, prepared.pending)) ?? [];
      const resource = c.eventResource(created);
      await this.record(m, tenantId, [{ type: this.event('created'), data: { resource } }, ...events]);
      return created;
    });
    return this.result(tenantId, row, projection);
  }

  async get(tenantId: string, id: string, projection: Projection): Promise<ScimResult> {
    // One statement reads the row, what its type joins, and what the answer returns of the optional.
    const row = isUuid(id) ? await this.repository.find(tenantId, id, this.optional(projection)) : null;
    if (!row) throw this.notFound(id);
    return this.result(tenantId, row, projection);
  }

  async list(tenantId: string, query: ListQuery): Promise<ScimStreamBody> {
    const { rows, total } = await this.repository.search(
      listSql(this.schema, this.definition.storage, tenantId, query),
      this.optional(query),
    );
    const body = this.render(tenantId, rows, query);
    return listBody(body.resources, total, query.startIndex, body.streamed);
  }

  /** PUT: the body replaces every client-managed attribute; those left out are cleared. */
  async replace(
    tenantId: string,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    projection: Projection,
  ): Promise<ScimResult> {
    const input = readResource(this.schema, body);
    const row = await this.repository.transaction(async (m) => {
      const current = await this.lockForWrite(m, tenantId, id, ifMatch, projection);
      const prepared = await this.prepare({ ...input, relations: [] }, 'replace', current);
      return this.save(m, tenantId, current, prepared, true);
    });
    return this.result(tenantId, row, projection);
  }

  async patch(
    tenantId: string,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    projection: Projection | null,
  ): Promise<ScimResult> {
    const operations = readPatchRequest(body);
    const row = await this.repository.transaction(async (m) => {
      const current = await this.lockForWrite(m, tenantId, id, ifMatch, projection ?? undefined);
      const document = this.hooks.patchDocument?.(current) ?? this.document(tenantId, current);
      const patched = this.patchEngine.apply(document, operations);
      if (patched.changed.length === 0) return current;
      const prepared = await this.prepare(patched, 'patch', current);
      // Operations on a hook's rows alone change the version only if they change the rows.
      const always = patched.changed.some((name) => !this.relations.has(name.toLowerCase()));
      return this.save(m, tenantId, current, prepared, always);
    });
    if (!projection) return { body: null, version: row.version, location: this.location(tenantId, row.id) };
    return this.result(tenantId, row, projection);
  }

  async remove(tenantId: string, id: string, ifMatch: string | undefined): Promise<void> {
    await this.repository.transaction(async (m) => {
      const c = this.context(m, tenantId);
      const current = await this.lockForWrite(m, tenantId, id, ifMatch);
      const before = (await this.hooks.deleting?.(c, current)) ?? [];
      // The resources that name this one get a new version and say what they lost.
      const referrers = await this.referrers.bump(m, tenantId, this.definition.name, id, c.now);
      await this.repository.delete(m, tenantId, id);
      await this.record(m, tenantId, [
        ...before,
        { type: this.event('deleted'), data: { id } },
        ...referrers,
      ]);
    });
  }

  /**
   * Writes `prepared` over `current` (a new version) with the hooks' own rows, and records what
   * changed; unless `always`, a write that changes nothing, here or in the hooks' rows, is skipped.
   */
  private async save<P>(
    m: EntityManager,
    tenantId: string,
    current: ResourceRow,
    prepared: PreparedWrite<P>,
    always: boolean,
  ): Promise<ResourceRow> {
    const c = this.context(m, tenantId);
    const write = await this.toWrite(m, tenantId, prepared);
    const own = (await this.hooks.changing?.(c, current, prepared.pending)) ?? { changed: false, events: [] };
    const before = this.document(tenantId, current);
    const after = this.document(tenantId, { ...current, data: write.data, refs: write.refs });
    const changed = new Set(changedAttributes(this.schema, before, after));
    if (!always && changed.size === 0 && !own.changed) return current;
    const updated = await this.repository.update(m, tenantId, current, write, c.now);
    // A write leaves what the read joined (a User's groups) as it was, unless a hook says otherwise.
    updated.extra = { ...current.extra };
    const later = (await this.hooks.updated?.(c, current, updated, prepared.pending, changed)) ?? [];
    const drafts: ResourceEvent[] = [];
    if (changed.size > 0) {
      const resource = c.eventResource(updated);
      drafts.push({ type: this.event('updated'), data: { resource, changed: [...changed].sort() } });
    }
    await this.record(m, tenantId, [...drafts, ...own.events, ...later]);
    return updated;
  }

  private async prepare(input: HookInput, mode: WriteMode, current: ResourceRow | null) {
    if (this.hooks.prepare) return this.hooks.prepare(input, mode, current);
    return { data: input.data, pending: undefined };
  }

  /**
   * The stored form of a document: indexed strings checked, each kept reference's attribute taken
   * out and kept as the ids it names, every one of them a resource of the referenced type of this
   * tenant.
   */
  private async toWrite(
    m: EntityManager,
    tenantId: string,
    prepared: PreparedWrite<unknown>,
  ): Promise<ResourceWrite> {
    const { data } = prepared;
    normalizeIndexedStrings(data, this.definition.indexedStrings);
    const refs: string[][] = [];
    for (const reference of this.references) {
      const values = data[reference.attribute];
      delete data[reference.attribute];
      const ids = new Set<string>();
      for (const [i, element] of (Array.isArray(values) ? values : []).entries()) {
        const value = isObject(element) ? element.value : undefined;
        if (typeof value !== 'string' || value === '') {
          throw ScimError.badRequest('invalidValue', `${reference.attribute}[${i}].value is required`);
        }
        if (!isUuid(value)) throw this.unknownReference(reference.attribute, reference.resourceType, value);
        ids.add(value.toLowerCase());
      }
      const table = this.registry.definition(reference.resourceType).table.name;
      const found = await this.repository.existing(m, tenantId, table, [...ids]);
      const missing = [...ids].find((id) => !found.has(id));
      if (missing) throw this.unknownReference(reference.attribute, reference.resourceType, missing);
      refs.push([...ids].sort());
    }
    return { data, columns: prepared.columns, refs };
  }

  /** The stored document as a client sees it: its data with each kept reference's elements. */
  private document(tenantId: string, row: ResourceRow): ScimObject {
    const document: ScimObject = { ...row.data };
    for (const [i, reference] of this.references.entries()) {
      const endpoint = this.registry.definition(reference.resourceType).endpoint;
      const elements = row.refs[i].map((value) => ({
        value,
        $ref: resourceLocation(this.publicUrl, tenantId, endpoint, value),
        type: reference.resourceType,
      }));
      if (elements.length > 0) document[reference.attribute] = elements;
    }
    return document;
  }

  /**
   * Builds the SCIM resources of rows: the document, the columns' values over it, what the hooks
   * add; an attribute a hook streams (a Group's members) is read for the whole page at once, and
   * only when the answer returns it.
   */
  private render(tenantId: string, rows: ResourceRow[], projection: Projection): ScimStreamBody {
    const view = new ResponseProjection(this.schema, projection);
    const resources = rows.map((row) => {
      const attributes: ScimObject = this.document(tenantId, row);
      for (const [attribute, value] of Object.entries(row.columns)) {
        if (value !== null && value !== undefined) attributes[attribute] = value;
      }
      Object.assign(attributes, this.hooks.attributes?.(tenantId, row, view));
      return representation(this.schema, row, this.location(tenantId, row.id), attributes, view);
    });
    const streamed = rows.length > 0 ? (this.hooks.streamed?.(tenantId, rows, view) ?? null) : null;
    return { resources, streamed };
  }

  /** The optional attributes (TableRead.optional) an answer so projected returns. */
  private optional(projection: Projection): string[] {
    const optional = Object.keys(this.definition.table.read?.optional ?? {});
    if (optional.length === 0) return [];
    const view = new ResponseProjection(this.schema, projection);
    return optional.filter((name) => {
      const attribute = this.schema.coreAttribute(name);
      return attribute !== undefined && view.includes(null, attribute);
    });
  }

  private context(m: EntityManager, tenantId: string): HookContext {
    return {
      m,
      tenantId,
      now: new Date(),
      eventResource: (row) => this.render(tenantId, [row], this.eventView).resources[0],
    };
  }

  private result(tenantId: string, row: ResourceRow, projection: Projection): ScimResult {
    return {
      body: this.render(tenantId, [row], projection),
      version: row.version,
      location: this.location(tenantId, row.id),
    };
  }

  /**
   * Locks the row for a write (until the transaction ends) and checks If-Match against its version.
   * What the answer returns of the optional attributes is read by the same statement.
   */
  private async lockForWrite(
    m: EntityManager,
    tenantId: string,
    id: string,
    ifMatch: string | undefined,
    projection?: Projection,
  ): Promise<ResourceRow> {
    const optional = projection ? this.optional(projection) : [];
    const current = isUuid(id) ? await this.repository.find(tenantId, id, optional, m, true) : null;
    if (!current) throw this.notFound(id);
    checkIfMatch(ifMatch, current.version);
    return current;
  }

  private record(m: EntityManager, tenantId: string, events: ResourceEvent[]): Promise<void> {
    return this.events.record(m, tenantId, events);
  }

  private event(what: 'created' | 'updated' | 'deleted'): string {
    return `${this.definition.eventPrefix}.${what}`;
  }

  private location(tenantId: string, id: string): string {
    return resourceLocation(this.publicUrl, tenantId, this.definition.endpoint, id);
  }

  private notFound(id: string): ScimError {
    return ScimError.notFound(`${this.definition.name} ${id} not found`);
  }

  private unknownReference(attribute: string, resourceType: string, value: string): ScimError {
    return ScimError.badRequest(
      'invalidValue',
      `${attribute} value ${value} is not a ${resourceType} of this tenant`,
    );
  }
}
