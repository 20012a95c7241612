import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Standard Webhooks form of a secret made before this migration: the same key bytes, as
 * `whsec_` + standard base64 (those secrets were `whsec_` + unpadded base64url of 32 random bytes).
 */
export const STANDARD_SECRET_SQL = `'whsec_' || translate(substr(secret, 7), '-_', '+/')
  || repeat('=', (4 - length(substr(secret, 7)) % 4) % 4)`;

/** A URL's user-info (`user:password@`), which moves to a sealed column of its own. */
const SCHEME = `[A-Za-z][A-Za-z0-9+.-]*://`;

/**
 * Webhook delivery at initial-sync scale.
 * - Endpoints are leased as a whole by one worker, which drains them in sequence order; they gain
 *   a batch size, a `disabled` state (after the retry window; pending deliveries are kept) and the
 *   facts of their last failure.
 * - Deliveries are keyed by event id (the sequence is copied for the queue's index order), may be
 *   grouped into a batch whose id is the `webhook-id` of every attempt, and hold an event retention
 *   must keep: the foreign key no longer cascades (deleting an event still referenced fails).
 * - Secrets take the Standard Webhooks form. They and URL credentials are sealed with AES-256-GCM by
 *   the application when it starts (a migration has no key): until then they stay as they were.
 */
export class WebhookDeliveryAtScale1764300000000 implements MigrationInterface {
  name = 'WebhookDeliveryAtScale1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_endpoint DROP CONSTRAINT webhook_endpoint_status_check`);
    await q.query(`ALTER TABLE webhook_endpoint RENAME COLUMN status TO state`);
    await q.query(`
      ALTER TABLE webhook_endpoint
        ADD CONSTRAINT webhook_endpoint_state_check CHECK (state IN ('active', 'failing', 'disabled')),
        ADD COLUMN max_batch_size integer NOT NULL DEFAULT 1
          CONSTRAINT webhook_endpoint_max_batch_size_check CHECK (max_batch_size BETWEEN 1 AND 100),
        ADD COLUMN failing_since timestamptz,
        ADD COLUMN disabled_at timestamptz,
        ADD COLUMN last_error text,
        ADD COLUMN last_error_at timestamptz,
        ADD COLUMN last_status_code integer,
        ADD COLUMN lease_owner uuid,
        ADD COLUMN lease_until timestamptz,
        ADD COLUMN served_at timestamptz,
        ADD COLUMN previous_secret text,
        ADD COLUMN previous_secret_expires_at timestamptz,
        ADD COLUMN url_credentials text`);
    await q.query(
      `UPDATE webhook_endpoint SET secret = ${STANDARD_SECRET_SQL} WHERE secret LIKE 'whsec\\_%'`,
    );
    await q.query(`
      UPDATE webhook_endpoint
         SET url_credentials = substring(url from '^${SCHEME}([^/?#@]*)@'),
             url = regexp_replace(url, '^(${SCHEME})[^/?#@]*@', '\\1')
       WHERE url ~ '^${SCHEME}[^/?#@]*@'`);

    await q.query(`ALTER TABLE event ADD CONSTRAINT event_id_key UNIQUE (tenant_id, id)`);
    // A batch is its first delivery's id and the sequence of its last: a retry reads that range.
    await q.query(
      `ALTER TABLE webhook_delivery ADD COLUMN event_id uuid, ADD COLUMN batch_id uuid, ADD COLUMN batch_last_seq bigint`,
    );
    await q.query(`
      UPDATE webhook_delivery d SET event_id = e.id
        FROM event e WHERE e.tenant_id = d.tenant_id AND e.seq = d.event_seq`);
    // Test deliveries are sent once, at the operator's request, and never queued.
    await q.query(
      `UPDATE webhook_delivery SET status = 'failed' WHERE status = 'pending' AND event_id IS NULL`,
    );
    await q.query(`ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_event_fkey`);
    await q.query(`DROP INDEX webhook_delivery_due_idx`);
    await q.query(`ALTER TABLE webhook_delivery DROP COLUMN lease_until`);
    await q.query(`
      ALTER TABLE webhook_delivery
        -- Checked at commit: deleting a tenant removes its events and its deliveries in one
        -- statement, in an order of its own.
        ADD CONSTRAINT webhook_delivery_event_fkey FOREIGN KEY (tenant_id, event_id)
          REFERENCES event (tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
        ADD CONSTRAINT webhook_delivery_queued_check
          CHECK (status <> 'pending' OR (event_id IS NOT NULL AND event_seq IS NOT NULL))`);
    await q.query(`CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (tenant_id, event_id)`);
    // Room in each page, so taking a delivery (its batch and attempt count) is a HOT update; and a
    // queue's autovacuum early, so dead entries leave the pending index and statistics follow it.
    await q.query(`
      ALTER TABLE webhook_delivery SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.05,
        autovacuum_analyze_scale_factor = 0.02)`);
  }

  /** Back to the previous schema. Sealed secrets stay sealed: endpoints need new secrets after it. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE webhook_delivery RESET (fillfactor, autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor)`,
    );
    await q.query(`DROP INDEX webhook_delivery_event_idx`);
    await q.query(`
      ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_queued_check,
        DROP CONSTRAINT webhook_delivery_event_fkey`);
    await q.query(`ALTER TABLE webhook_delivery ADD COLUMN lease_until timestamptz`);
    await q.query(
      `CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(`
      ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_event_fkey FOREIGN KEY (tenant_id, event_seq)
        REFERENCES event (tenant_id, seq) ON DELETE CASCADE`);
    await q.query(
      `ALTER TABLE webhook_delivery DROP COLUMN event_id, DROP COLUMN batch_id, DROP COLUMN batch_last_seq`,
    );
    await q.query(`ALTER TABLE event DROP CONSTRAINT event_id_key`);
    await q.query(`UPDATE webhook_endpoint SET state = 'failing' WHERE state = 'disabled'`);
    await q.query(`
      ALTER TABLE webhook_endpoint DROP CONSTRAINT webhook_endpoint_state_check,
        DROP COLUMN max_batch_size, DROP COLUMN failing_since, DROP COLUMN disabled_at,
        DROP COLUMN last_error, DROP COLUMN last_error_at, DROP COLUMN last_status_code,
        DROP COLUMN lease_owner, DROP COLUMN lease_until, DROP COLUMN served_at,
        DROP COLUMN previous_secret, DROP COLUMN previous_secret_expires_at, DROP COLUMN url_credentials`);
    await q.query(`ALTER TABLE webhook_endpoint RENAME COLUMN state TO status`);
    await q.query(
      `ALTER TABLE webhook_endpoint ADD CONSTRAINT webhook_endpoint_status_check CHECK (status IN ('active', 'failing'))`,
    );
  }
}
