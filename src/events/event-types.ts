/** The events of the built-in modules, in the order of the issue that defines them. */
const BUILT_IN_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  'group.created',
  'group.updated',
  'group.deleted',
  'group.members_added',
  'group.members_removed',
  'seat.assigned',
  'seat.released',
  // What a tenant's admin did in the portal (src/portal), so the operator's product hears of it.
  'portal.signed_in',
  'portal.signed_out',
  'portal.scim_enabled',
  'portal.scim_disabled',
  'portal.token_generated',
  'portal.token_revoked',
  'portal.account_size_changed',
] as const;

export type EventType = (typeof BUILT_IN_EVENT_TYPES)[number];

/**
 * Every event type Rollcall records: the built-in ones, then those of each resource type registered
 * beyond them (`{prefix}.created`, `.updated`, `.deleted`). Validation and the OpenAPI document read
 * this list, so a registered type's events can be subscribed to by name.
 */
export const EVENT_TYPES: string[] = [...BUILT_IN_EVENT_TYPES];

/** Adds a resource type's events to EVENT_TYPES (each once). */
export function registerEventTypes(types: string[]): void {
  for (const type of types) if (!EVENT_TYPES.includes(type)) EVENT_TYPES.push(type);
}

/** An event before it is numbered: what happened, and the data the product needs to act on it. */
export interface EventDraft {
  type: EventType;
  data: Record<string, unknown>;
}

/** A member named in group.members_added / group.members_removed. */
export interface EventMember {
  value: string;
  type: 'User' | 'Group';
}

export function membersOf(ids: { users: string[]; groups: string[] }): EventMember[] {
  return [
    ...ids.users.map((value) => ({ value, type: 'User' as const })),
    ...ids.groups.map((value) => ({ value, type: 'Group' as const })),
  ];
}
