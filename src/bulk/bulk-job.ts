import type { CarriedOperation } from '../activity/activity-record';
import { ScimError, ScimErrorBody } from '../scim/errors/scim-error';
import { etagOf } from '../scim/resource/versioning';
import { BULK_RESPONSE } from '../scim/schema/urns';
import { BulkOperation, BulkRequest, bulkIdIn, resolveReferences } from './bulk-request';
import { BulkOutcome, BulkTarget } from './bulk-target';

/** One entry of a BulkResponse (RFC 7644 §3.7.3). */
export interface BulkResponseOperation {
  method: string;
  bulkId?: string;
  version?: string;
  location?: string;
  status: string;
  response?: ScimErrorBody;
}

export interface BulkResponse {
  schemas: [typeof BULK_RESPONSE];
  Operations: BulkResponseOperation[];
}

/** What a Bulk request did: its response, and each operation run, for the activity log. */
export interface BulkResult {
  response: BulkResponse;
  operations: CarriedOperation[];
}

/** What BulkJob needs of its service: where each endpoint goes, and how a failure becomes an error. */
export interface BulkContext {
  tenantId: string;
  /** The tenant's SCIM base URL, for the location of an operation that failed. */
  baseUrl: string;
  target(endpoint: string): BulkTarget | undefined;
  errorOf(exception: unknown): ScimError;
}

interface Settled {
  operation: BulkOperation;
  outcome: BulkOutcome | null;
  error: ScimError | null;
  location: string | null;
  carried: CarriedOperation;
}

/**
 * Runs the operations of one BulkRequest (RFC 7644 §3.7): in request order, except that an
 * operation naming a bulkId waits until the POST that creates it has run, wherever that POST comes
 * in the request. Operations whose references go round in a circle cannot be resolved and fail with
 * 409 (§3.7.1); one naming a bulkId whose POST failed fails with 409 too. Each operation goes to its
 * endpoint's BulkTarget, its own transaction. After `failOnErrors` errors nothing more runs; a fault
 * (503) stops the job as well, as every later operation would meet it too.
 */
export class BulkJob {
  /** The id each bulkId stands for, once its POST has run. */
  private readonly ids = new Map<string, string>();
  /** bulkIds whose POST failed: the operation that did. */
  private readonly failed = new Map<string, number>();
  /** Which operation defines each bulkId. */
  private readonly definedBy = new Map<string, BulkOperation>();
  private readonly settled = new Map<number, Settled>();
  private errors = 0;
  private stopped = false;

  constructor(
    private readonly request: BulkRequest,
    private readonly context: BulkContext,
  ) {
    for (const operation of request.operations) {
      if (operation.method === 'POST' && operation.bulkId !== null && !operation.invalid) {
        this.definedBy.set(operation.bulkId, operation);
      }
    }
  }

  async run(): Promise<BulkResult> {
    const waiting = [...this.request.operations];
    while (waiting.length > 0 && !this.stopped) {
      const next = waiting.findIndex((operation) => this.ready(operation));
      if (next < 0) {
        // Everything left waits for a bulkId no operation can create first.
        for (const operation of this.circular(waiting)) {
          waiting.splice(waiting.indexOf(operation), 1);
          this.settle(this.refusal(operation, this.circularError(operation)));
          if (this.stopped) break;
        }
        continue;
      }
      const [operation] = waiting.splice(next, 1);
      this.settle(await this.execute(operation));
    }
    const done = this.request.operations
      .map((operation) => this.settled.get(operation.index))
      .filter((s): s is Settled => s !== undefined);
    return {
      response: { schemas: [BULK_RESPONSE], Operations: done.map((s) => this.entry(s)) },
      operations: done.map((s) => s.carried),
    };
  }

  /** Whether every bulkId the operation names has been settled: created, failed, or never defined. */
  private ready(operation: BulkOperation): boolean {
    if (operation.invalid) return true;
    for (const bulkId of operation.references) {
      if (this.definedBy.has(bulkId) && !this.ids.has(bulkId) && !this.failed.has(bulkId)) return false;
    }
    return true;
  }

  /** Of operations that all wait, those on a circle of references (the rest wait for one of them). */
  private circular(waiting: BulkOperation[]): BulkOperation[] {
    const pending = new Set(waiting);
    const dependsOn = (operation: BulkOperation) =>
      [...operation.references]
        .map((bulkId) => this.definedBy.get(bulkId))
        .filter((d): d is BulkOperation => d !== undefined && pending.has(d));
    const reaches = (from: BulkOperation, to: BulkOperation): boolean => {
      const seen = new Set<BulkOperation>();
      const stack = dependsOn(from);
      while (stack.length > 0) {
        const next = stack.pop() as BulkOperation;
        if (next === to) return true;
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(...dependsOn(next));
      }
      return false;
    };
    const onCircle = waiting.filter((operation) => reaches(operation, operation));
    // Every waiting operation leads to a circle, so there is one; the guard keeps the loop finite.
    return onCircle.length > 0 ? onCircle : waiting;
  }

  private circularError(operation: BulkOperation): ScimError {
    const names = [...operation.references].filter((b) => this.definedBy.has(b) && !this.ids.has(b));
    return new ScimError(
      409,
      `Operations[${operation.index}]: its bulkId references (${names.map((b) => `"${b}"`).join(', ')}) ` +
        'go round in a circle and cannot be resolved',
    );
  }

  /** Why an operation cannot run, before it is sent anywhere; null when it can. */
  private refused(operation: BulkOperation): ScimError | null {
    if (operation.invalid) return operation.invalid;
    for (const bulkId of operation.references) {
      if (!this.definedBy.has(bulkId)) {
        return ScimError.badRequest(
          'invalidValue',
          `Operations[${operation.index}]: bulkId "${bulkId}" is not given to any POST of this request`,
        );
      }
      const failedAt = this.failed.get(bulkId);
      if (failedAt !== undefined) {
        return new ScimError(
          409,
          `Operations[${operation.index}]: bulkId "${bulkId}" cannot be resolved: ` +
            `Operations[${failedAt}], which creates it, failed`,
        );
      }
    }
    if (!this.context.target(operation.endpoint ?? '')) {
      return ScimError.notFound(
        `Operations[${operation.index}]: no resource type at "${operation.endpoint}" (Bulk serves /Users and /Groups)`,
      );
    }
    return null;
  }

  private async execute(operation: BulkOperation): Promise<Settled> {
    const refusal = this.refused(operation);
    if (refusal) return this.refusal(operation, refusal);
    const target = this.context.target(operation.endpoint ?? '') as BulkTarget;
    const id = this.resolvedId(operation);
    const data = resolveReferences(operation.data, this.ids);
    const ifMatch = operation.version ?? undefined;
    const at = new Date();
    const started = performance.now();
    let outcome: BulkOutcome | null = null;
    let error: ScimError | null = null;
    try {
      const { tenantId } = this.context;
      outcome =
        operation.method === 'POST'
          ? await target.create(tenantId, data)
          : operation.method === 'PUT'
            ? await target.replace(tenantId, id as string, data, ifMatch)
            : operation.method === 'PATCH'
              ? await target.patch(tenantId, id as string, data, ifMatch)
              : await target.delete(tenantId, id as string, ifMatch);
    } catch (exception) {
      error = this.context.errorOf(exception);
    }
    return {
      operation,
      outcome,
      error,
      location: outcome?.location ?? this.locationOf(operation, id),
      carried: {
        at,
        durationMs: Math.max(0, Math.round(performance.now() - started)),
        method: operation.method as string,
        endpoint: operation.endpoint,
        resourceId: outcome?.id ?? id,
        body: data,
        status: outcome?.status ?? (error as ScimError).status,
        error,
      },
    };
  }

  /** A failure without running: reported like any other, and logged as its own activity entry. */
  private refusal(operation: BulkOperation, error: ScimError): Settled {
    const id = operation.id === null ? null : this.resolvedId(operation);
    return {
      operation,
      outcome: null,
      error,
      location: this.locationOf(operation, id),
      carried: {
        at: new Date(),
        durationMs: 0,
        method: operation.method ?? operation.methodGiven,
        endpoint: operation.endpoint,
        resourceId: id,
        body: operation.data,
        status: error.status,
        error,
      },
    };
  }

  private settle(settled: Settled): void {
    const { operation, outcome, error } = settled;
    this.settled.set(operation.index, settled);
    if (
      operation.method === 'POST' &&
      operation.bulkId !== null &&
      this.definedBy.get(operation.bulkId) === operation
    ) {
      if (outcome) this.ids.set(operation.bulkId, outcome.id);
      else this.failed.set(operation.bulkId, operation.index);
    }
    if (!error) return;
    this.errors += 1;
    const limit = this.request.failOnErrors;
    if ((limit !== null && this.errors >= limit) || error.status === 503) this.stopped = true;
  }

  /** The path's id, with a bulkId reference replaced by the id it stands for (when it has one). */
  private resolvedId(operation: BulkOperation): string | null {
    if (operation.id === null) return null;
    const bulkId = bulkIdIn(operation.id);
    return bulkId === null ? operation.id : (this.ids.get(bulkId) ?? operation.id);
  }

  /** A failed operation's location: the resource its path names (none for a POST, §3.7.3). */
  private locationOf(operation: BulkOperation, id: string | null): string | null {
    if (operation.method === 'POST' || id === null || operation.endpoint === null) return null;
    return `${this.context.baseUrl}${operation.endpoint}/${encodeURIComponent(id)}`;
  }

  private entry(settled: Settled): BulkResponseOperation {
    const { operation, outcome, error, location } = settled;
    return {
      method: operation.method ?? operation.methodGiven,
      ...(operation.bulkId !== null ? { bulkId: operation.bulkId } : {}),
      ...(outcome?.version != null ? { version: etagOf(outcome.version) } : {}),
      ...(location !== null ? { location } : {}),
      status: String(outcome?.status ?? (error as ScimError).status),
      ...(error ? { response: error.toBody() } : {}),
    };
  }
}
