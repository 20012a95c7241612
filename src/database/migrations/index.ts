import { Tenants1763856000000 } from './1763856000000-tenants';
import { UsersGroups1763856100000 } from './1763856100000-users-groups';
import { MemberViewEmailIndex1763856200000 } from './1763856200000-member-view-email-index';
import { Seats1763856300000 } from './1763856300000-seats';
import { EventsWebhooks1763856400000 } from './1763856400000-events-webhooks';
import { CoveringOrderIndexes1763856500000 } from './1763856500000-covering-order-indexes';
import { TenantAccessNotify1763856600000 } from './1763856600000-tenant-access-notify';
import { TenantCounters1763856700000 } from './1763856700000-tenant-counters';
import { ScimLimitsTokenRevocation1764200000000 } from './1764200000000-scim-limits-token-revocation';
import { WebhookDeliveryAtScale1764300000000 } from './1764300000000-webhook-delivery-at-scale';
import { TenantScimSwitch1764700000000 } from './1764700000000-tenant-scim-switch';
import { ActivityLog1764700100000 } from './1764700100000-activity-log';
import { Portal1764800000000 } from './1764800000000-portal';
import { TenantExternalId1764900000000 } from './1764900000000-tenant-external-id';

/** Every migration in order; the app runs them on start, `npm run migration:run` (database/migrate.ts) on demand. */
export const MIGRATIONS = [
  Tenants1763856000000,
  UsersGroups1763856100000,
  MemberViewEmailIndex1763856200000,
  Seats1763856300000,
  EventsWebhooks1763856400000,
  CoveringOrderIndexes1763856500000,
  TenantAccessNotify1763856600000,
  TenantCounters1763856700000,
  ScimLimitsTokenRevocation1764200000000,
  WebhookDeliveryAtScale1764300000000,
  TenantScimSwitch1764700000000,
  ActivityLog1764700100000,
  Portal1764800000000,
  TenantExternalId1764900000000,
];
