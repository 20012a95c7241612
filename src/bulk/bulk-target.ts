/** What one operation did, as its BulkResponse entry reports it (RFC 7644 §3.7.3). */
export interface BulkOutcome {
  status: number;
  /** The resource's id: for a create, the one its bulkId stands for from then on. */
  id: string;
  /** The resource's URL (meta.location). */
  location: string;
  /** Its version after the operation; null once deleted. */
  version: number | null;
}

/**
 * One resource type's endpoint as Bulk sends operations to it. Each call is that request sent alone:
 * its own transaction, events and seat effects; a refusal throws the ScimError the request would
 * have answered. ResourceBulkTarget is the one implementation, for every registered resource type.
 */
export interface BulkTarget {
  /** The path a Bulk operation names it by: `/Users`. */
  readonly endpoint: string;
  create(tenantId: string, data: unknown): Promise<BulkOutcome>;
  replace(tenantId: string, id: string, data: unknown, ifMatch: string | undefined): Promise<BulkOutcome>;
  patch(tenantId: string, id: string, data: unknown, ifMatch: string | undefined): Promise<BulkOutcome>;
  delete(tenantId: string, id: string, ifMatch: string | undefined): Promise<BulkOutcome>;
}

/** Injection token of the BulkTarget list (BulkModule provides it). */
export const BULK_TARGETS = Symbol('BULK_TARGETS');
