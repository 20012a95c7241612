import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provisioning events (an outbox written in the same transaction as the change) and their webhook
 * deliveries. `tenant.event_seq` numbers each tenant's events; it is taken by the last statement of
 * a transaction, so sequence order is commit order and a consumer resuming after a number misses
 * nothing.
 */
export class EventsWebhooks1763856400000 implements MigrationInterface {
  name = 'EventsWebhooks1763856400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant ADD COLUMN event_seq bigint NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE event (
        tenant_id uuid NOT NULL,
        seq bigint NOT NULL,
        id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        CONSTRAINT event_pkey PRIMARY KEY (tenant_id, seq),
        CONSTRAINT event_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE webhook_endpoint (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL DEFAULT '{}',
        secret text NOT NULL,
        description text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'failing')),
        consecutive_failures integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CONSTRAINT webhook_endpoint_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT webhook_endpoint_tenant_fkey FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        endpoint_id uuid NOT NULL,
        -- null for a test delivery, whose body is in payload
        event_seq bigint,
        payload jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        CONSTRAINT webhook_delivery_pkey PRIMARY KEY (tenant_id, id),
        CONSTRAINT webhook_delivery_endpoint_fkey FOREIGN KEY (tenant_id, endpoint_id)
          REFERENCES webhook_endpoint (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT webhook_delivery_event_fkey FOREIGN KEY (tenant_id, event_seq)
          REFERENCES event (tenant_id, seq) ON DELETE CASCADE
      )`);
    // The worker's queue: due pending deliveries, and the head of each endpoint's queue.
    await q.query(
      `CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (tenant_id, endpoint_id, event_seq) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX webhook_delivery_list_idx ON webhook_delivery (tenant_id, endpoint_id, created_at, id)`,
    );
    await q.query(`
      CREATE TABLE webhook_attempt (
        tenant_id uuid NOT NULL,
        delivery_id uuid NOT NULL,
        attempt integer NOT NULL,
        at timestamptz NOT NULL,
        status_code integer,
        latency_ms integer NOT NULL,
        error text,
        CONSTRAINT webhook_attempt_pkey PRIMARY KEY (tenant_id, delivery_id, attempt),
        CONSTRAINT webhook_attempt_delivery_fkey FOREIGN KEY (tenant_id, delivery_id)
          REFERENCES webhook_delivery (tenant_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_attempt`);
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_endpoint`);
    await q.query(`DROP TABLE event`);
    await q.query(`ALTER TABLE tenant DROP COLUMN event_seq`);
  }
}
