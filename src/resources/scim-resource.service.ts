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
import { ResourceDefinition, ResourceEvent } from '../scim/resource/resource-definition';
import { readResource } from '../scim/resource/resource-reader';
import { checkIfMatch } from '../scim/resource/versioning';
import { ResourceSchema } from '../scim/schema/resource-schema';
import { SchemaRegistry } from '../scim/schema/schema-registry';
import { ReferrerVersions } from './referrer-versions';
import { representation } from './resource-representation';
import { ResourceRow, ResourceWrite, ScimResourceRepository } from './scim-resource.repository';
import { ScimResourceHandler, ScimResult } from './scim-resource-handler';

const WITHOUT_REFERENCES = (d: ResourceDefinition): Projection => ({
  attributes: [],
  excludedAttributes: [...new Set(d.references.map((r) => r.attribute))],
});

/**
 * The rules every resource type shares, for a type that has no others: create, read, list, replace,
 * PATCH and delete, each write in one transaction with its events (`{prefix}.created`, `.updated`,
 * `.deleted`), If-Match checked under the row's lock. References (a `members` list naming Users) are
 * rows checked against the referenced type's table, so a member is always a resource of the tenant.
 */
export class ScimResourceService implements ScimResourceHandler {
  private readonly schema: ResourceSchema;
  private readonly patchEngine: PatchEngine;

  constructor(
    private readonly definition: ResourceDefinition,
    private readonly repository: ScimResourceRepository,
    private readonly events: EventsService,
    private readonly referrers: ReferrerVersions,
    private readonly registry: SchemaRegistry,
    private readonly publicUrl: string,
  ) {
    this.schema = registry.resource(definition.name);
    this.patchEngine = new PatchEngine(this.schema);
  }

  async create(tenantId: string, body: unknown, projection: Projection): Promise<ScimResult> {
    const { data } = readResource(this.schema, body);
    const row = await this.repository.transaction(async (m) => {
      const write = await this.toWrite(m, tenantId, data);
      const id = randomUUID();
      await this.repository.insert(m, tenantId, id, write, new Date());
      const created = await this.lock(m, tenantId, id);
      await this.record(m, tenantId, [
        { type: this.event('created'), data: { resource: this.eventResource(tenantId, created) } },
      ]);
      return created;
    });
    return this.result(tenantId, row, projection);
  }

  async get(tenantId: string, id: string, projection: Projection): Promise<ScimResult> {
    const row = isUuid(id) ? await this.repository.find(tenantId, id) : null;
    if (!row) throw this.notFound(id);
    return this.result(tenantId, row, projection);
  }

  async list(tenantId: string, query: ListQuery): Promise<ScimStreamBody> {
    const { rows, total } = await this.repository.search(
      listSql(this.schema, this.definition.storage, tenantId, query),
    );
    const resources = rows.map((row) => this.render(tenantId, row, query));
    return listBody(resources, total, query.startIndex);
  }

  /** PUT: the body replaces every client-managed attribute; those left out are cleared. */
  async replace(
    tenantId: string,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    projection: Projection,
  ): Promise<ScimResult> {
    const { data } = readResource(this.schema, body);
    const row = await this.repository.transaction(async (m) => {
      const current = await this.lockForWrite(m, tenantId, id, ifMatch);
      return this.save(m, tenantId, current, data);
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
      const current = await this.lockForWrite(m, tenantId, id, ifMatch);
      const patched = this.patchEngine.apply(this.document(tenantId, current), operations);
      if (patched.changed.length === 0) return current;
      return this.save(m, tenantId, current, patched.data);
    });
    if (!projection) return { body: null, version: row.version, location: this.location(tenantId, row.id) };
    return this.result(tenantId, row, projection);
  }

  async remove(tenantId: string, id: string, ifMatch: string | undefined): Promise<void> {
    await this.repository.transaction(async (m) => {
      await this.lockForWrite(m, tenantId, id, ifMatch);
      const referrers = await this.referrers.bump(m, tenantId, this.definition.name, id, new Date());
      await this.repository.delete(m, tenantId, id);
      await this.record(m, tenantId, [{ type: this.event('deleted'), data: { id } }, ...referrers]);
    });
  }

  /** Writes `data` over `current` (a new version) and records what changed. */
  private async save(
    m: EntityManager,
    tenantId: string,
    current: ResourceRow,
    data: ScimObject,
  ): Promise<ResourceRow> {
    const write = await this.toWrite(m, tenantId, data);
    const before = this.document(tenantId, current);
    const after = this.document(tenantId, { ...current, data: write.data, refs: write.refs });
    const changed = changedAttributes(this.schema, before, after);
    await this.repository.update(m, tenantId, current.id, write, new Date());
    const updated = await this.lock(m, tenantId, current.id);
    if (changed.length > 0) {
      const resource = this.eventResource(tenantId, updated);
      await this.record(m, tenantId, [{ type: this.event('updated'), data: { resource, changed } }]);
    }
    return updated;
  }

  /**
   * The stored form of a document: indexed strings checked, each reference's attribute taken out and
   * kept as the ids it names, every one of them a resource of the referenced type of this tenant.
   */
  private async toWrite(m: EntityManager, tenantId: string, data: ScimObject): Promise<ResourceWrite> {
    normalizeIndexedStrings(data, this.definition.indexedStrings);
    const refs: string[][] = [];
    for (const reference of this.definition.references) {
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
    return { data, refs };
  }

  /** The resource's client-visible document: its data with each reference's elements. */
  private document(tenantId: string, row: ResourceRow): ScimObject {
    const document: ScimObject = { ...row.data };
    for (const [i, reference] of this.definition.references.entries()) {
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

  private render(tenantId: string, row: ResourceRow, projection: Projection): ScimObject {
    const view = new ResponseProjection(this.schema, projection);
    return representation(
      this.schema,
      row,
      this.location(tenantId, row.id),
      this.document(tenantId, row),
      view,
    );
  }

  /** The resource as its events carry it: without its references, whose rows may be many. */
  private eventResource(tenantId: string, row: ResourceRow): ScimObject {
    return this.render(tenantId, row, WITHOUT_REFERENCES(this.definition));
  }

  private result(tenantId: string, row: ResourceRow, projection: Projection): ScimResult {
    return {
      body: { resources: [this.render(tenantId, row, projection)], streamed: null },
      version: row.version,
      location: this.location(tenantId, row.id),
    };
  }

  private async lockForWrite(
    m: EntityManager,
    tenantId: string,
    id: string,
    ifMatch: string | undefined,
  ): Promise<ResourceRow> {
    const current = isUuid(id) ? await this.repository.find(tenantId, id, m, true) : null;
    if (!current) throw this.notFound(id);
    checkIfMatch(ifMatch, current.version);
    return current;
  }

  private async lock(m: EntityManager, tenantId: string, id: string): Promise<ResourceRow> {
    const row = await this.repository.find(tenantId, id, m, true);
    if (!row) throw this.notFound(id);
    return row;
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
