import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, pageOf } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { ScimError } from '../scim/errors/scim-error';
import { TenantsService } from '../tenants/tenants.service';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryPageDto,
  ReplayDto,
  RotatedSecretDto,
  TestDeliveryDto,
  UpdateWebhookDto,
  WebhookDto,
  WebhookPageDto,
} from './dto/webhook.dto';
import { EventsService } from './events.service';
import { displayedUrl, WebhookDestinations } from './webhook-destinations';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { newSigningSecret } from './webhook-signature';
import { EndpointChanges, EndpointRow, WebhooksRepository } from './webhooks.repository';

const HOUR_MS = 60 * 60 * 1000;

/** The admin side of webhooks: endpoints, their secrets and queues, tests, resume and replay. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly tenants: TenantsService,
    private readonly events: EventsService,
    private readonly destinations: WebhookDestinations,
    private readonly secrets: WebhookSecrets,
    private readonly sender: WebhookSender,
  ) {}

  /** Registers an endpoint; its signing secret (256 random bits) is in this answer only. */
  async create(tenantId: string, input: CreateWebhookDto): Promise<CreatedWebhookDto> {
    await this.tenants.require(tenantId);
    const target = await this.destinations.register(input.url);
    const id = randomUUID();
    const secret = newSigningSecret();
    await this.webhooks.insertEndpoint(tenantId, id, {
      url: target.url,
      urlCredentials: this.secrets.sealCredentials(tenantId, id, target.credentials),
      eventTypes: input.eventTypes ?? [],
      secret: this.secrets.sealSigning(tenantId, id, secret),
      description: input.description ?? null,
      maxBatchSize: input.maxBatchSize ?? 1,
    });
    return { ...(await this.get(tenantId, id)), secret };
  }

  async list(tenantId: string, limit: number, cursor: string | undefined): Promise<WebhookPageDto> {
    await this.tenants.require(tenantId);
    const rows = await this.webhooks.listEndpoints(tenantId, limit + 1, cursor ? decodeCursor(cursor) : null);
    return pageOf(
      rows,
      limit,
      (last) => encodeCursor({ at: last.created_at, id: last.id }),
      (r) => toDto(r),
    );
  }

  /** The endpoint with its queue: what is pending, since when, and why it waits. */
  async get(tenantId: string, id: string): Promise<WebhookDto> {
    return toDto(await this.require(tenantId, id));
  }

  async update(tenantId: string, id: string, input: UpdateWebhookDto): Promise<WebhookDto> {
    await this.require(tenantId, id);
    const changes: EndpointChanges = {
      eventTypes: input.eventTypes,
      description: input.description,
      maxBatchSize: input.maxBatchSize,
    };
    if (input.url !== undefined) {
      const target = await this.destinations.register(input.url);
      changes.url = {
        url: target.url,
        urlCredentials: this.secrets.sealCredentials(tenantId, id, target.credentials),
      };
    }
    if (!(await this.webhooks.updateEndpoint(tenantId, id, changes))) throw notFound(id);
    return this.get(tenantId, id);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.tenants.require(tenantId);
    if (!isUuid(id) || !(await this.webhooks.deleteEndpoint(tenantId, id))) throw notFound(id);
  }

  /** Active again, its pending deliveries due now, whatever its state. */
  async resume(tenantId: string, id: string): Promise<WebhookDto> {
    await this.require(tenantId, id);
    if (!(await this.webhooks.resume(tenantId, id, new Date()))) throw notFound(id);
    return this.get(tenantId, id);
  }

  /** Queues the held events from `fromSequence` on again; 410 when retention no longer holds them. */
  async replay(tenantId: string, id: string, fromSequence: string): Promise<ReplayDto> {
    await this.require(tenantId, id);
    await this.events.requireHeldFrom(tenantId, fromSequence, 'fromSequence');
    const queued = await this.webhooks.replay(tenantId, id, fromSequence, new Date());
    return { queued, fromSequence };
  }

  /** A new secret, shown once; the old one keeps signing beside it for `keepPreviousHours`. */
  async rotateSecret(tenantId: string, id: string, keepPreviousHours = 24): Promise<RotatedSecretDto> {
    await this.require(tenantId, id);
    const current = await this.webhooks.findSecrets(tenantId, id);
    if (!current) throw notFound(id);
    const secret = newSigningSecret();
    const expiresAt = keepPreviousHours > 0 ? new Date(Date.now() + keepPreviousHours * HOUR_MS) : null;
    const rotated = await this.webhooks.rotateSecret(tenantId, id, {
      secret: this.secrets.sealSigning(tenantId, id, secret),
      previous: expiresAt ? current.secret : null,
      previousExpiresAt: expiresAt,
    });
    if (!rotated) throw notFound(id);
    return { secret, previousSecretExpiresAt: expiresAt?.toISOString() ?? null };
  }

  /** Sends a `webhook.test` event now and answers with the outcome; the attempt is recorded. */
  async test(tenantId: string, id: string): Promise<TestDeliveryDto> {
    const endpoint = await this.require(tenantId, id);
    const sealed = await this.webhooks.findSecrets(tenantId, id);
    if (!sealed) throw notFound(id);
    const now = new Date();
    const deliveryId = randomUUID();
    const payload = {
      id: randomUUID(),
      type: 'webhook.test',
      tenantId,
      sequence: null,
      occurredAt: now.toISOString(),
      data: { webhookId: id },
    };
    const signing = {
      tenantId,
      endpointId: id,
      secret: sealed.secret,
      previousSecret: sealed.previous_secret,
      previousSecretExpiresAt: sealed.previous_secret_expires_at,
      urlCredentials: sealed.url_credentials,
    };
    const result = await this.sender.send({
      url: endpoint.url,
      credentials: this.secrets.urlCredentials(signing),
      webhookId: deliveryId,
      body: JSON.stringify(endpoint.max_batch_size > 1 ? { events: [payload] } : payload),
      secrets: this.secrets.signingSecrets(signing, now),
    });
    await this.webhooks.recordTest(tenantId, id, deliveryId, payload, result);
    return {
      delivered: result.delivered,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      error: result.error,
    };
  }

  async deliveries(
    tenantId: string,
    id: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<DeliveryPageDto> {
    await this.require(tenantId, id);
    const rows = await this.webhooks.listDeliveries(
      tenantId,
      id,
      limit + 1,
      cursor ? decodeCursor(cursor) : null,
    );
    return pageOf(
      rows,
      limit,
      (last) => encodeCursor({ at: last.created_at, id: last.id }),
      (d) => ({
        id: d.id,
        webhookId: d.webhook_id,
        eventId: d.event_id,
        sequence: d.event_seq,
        eventType: d.event_type,
        status: d.status,
        nextAttemptAt: d.next_attempt_at.toISOString(),
        createdAt: d.created_at.toISOString(),
        deliveredAt: d.delivered_at?.toISOString() ?? null,
        attempts: d.attempt_log.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
      }),
    );
  }

  private async require(tenantId: string, id: string): Promise<EndpointRow> {
    await this.tenants.require(tenantId);
    const endpoint = isUuid(id) ? await this.webhooks.findEndpoint(tenantId, id) : null;
    if (!endpoint) throw notFound(id);
    return endpoint;
  }
}

function notFound(id: string): ScimError {
  return ScimError.notFound(`Webhook ${id} not found`);
}

function toDto(row: EndpointRow): WebhookDto {
  return {
    id: row.id,
    url: displayedUrl(row.url, row.has_credentials),
    eventTypes: row.event_types,
    description: row.description,
    maxBatchSize: row.max_batch_size,
    state: row.state,
    consecutiveFailures: row.consecutive_failures,
    pending: row.pending,
    oldestPendingAt: row.oldest_pending_at?.toISOString() ?? null,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    failingSince: row.failing_since?.toISOString() ?? null,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    lastError:
      row.last_error && row.last_error_at
        ? { at: row.last_error_at.toISOString(), statusCode: row.last_status_code, error: row.last_error }
        : null,
    createdAt: row.created_at.toISOString(),
  };
}
