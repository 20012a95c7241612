import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, pageOf } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { ScimError } from '../scim/errors/scim-error';
import { TenantsService } from '../tenants/tenants.service';
import { DeliveryWorker, LEASE_MS } from './delivery-worker';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryPageDto,
  TestDeliveryDto,
  WebhookDto,
} from './dto/webhook.dto';
import { EndpointRow, WebhooksRepository } from './webhooks.repository';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly tenants: TenantsService,
    private readonly worker: DeliveryWorker,
  ) {}

  /** Registers an endpoint; its signing secret (256 random bits) is in this answer only. */
  async create(tenantId: string, input: CreateWebhookDto): Promise<CreatedWebhookDto> {
    await this.tenants.require(tenantId);
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const row = await this.webhooks.insertEndpoint(tenantId, randomUUID(), {
      url: input.url,
      eventTypes: input.eventTypes ?? [],
      secret,
      description: input.description ?? null,
    });
    return { ...this.toDto(row), secret };
  }

  async list(tenantId: string): Promise<WebhookDto[]> {
    await this.tenants.require(tenantId);
    return (await this.webhooks.listEndpoints(tenantId)).map((r) => this.toDto(r));
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.tenants.require(tenantId);
    if (!isUuid(id) || !(await this.webhooks.deleteEndpoint(tenantId, id))) throw this.notFound(id);
  }

  /** Sends a `webhook.test` event now and answers with the outcome; the attempt is recorded. */
  async test(tenantId: string, id: string): Promise<TestDeliveryDto> {
    await this.tenants.require(tenantId);
    const endpoint = isUuid(id) ? await this.webhooks.findEndpoint(tenantId, id) : null;
    if (!endpoint) throw this.notFound(id);
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
    await this.webhooks.insertClaimedTest(
      tenantId,
      id,
      deliveryId,
      payload,
      now,
      new Date(now.getTime() + LEASE_MS),
    );
    const [claimed] = await this.webhooks.claimedDetails([{ tenant_id: tenantId, id: deliveryId }]);
    const result = await this.worker.deliver(claimed);
    const page = await this.deliveries(tenantId, id, 1, undefined);
    const attempt = page.items[0]?.attempts[0];
    return {
      delivered: result,
      statusCode: attempt?.statusCode ?? null,
      latencyMs: attempt?.latencyMs ?? 0,
      error: attempt?.error ?? null,
    };
  }

  async deliveries(
    tenantId: string,
    id: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<DeliveryPageDto> {
    await this.tenants.require(tenantId);
    if (!isUuid(id) || !(await this.webhooks.findEndpoint(tenantId, id))) throw this.notFound(id);
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
        eventId: d.event_id,
        eventType: d.event_type,
        status: d.status,
        nextAttemptAt: d.next_attempt_at.toISOString(),
        createdAt: d.created_at.toISOString(),
        deliveredAt: d.delivered_at?.toISOString() ?? null,
        attempts: d.attempt_log.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
      }),
    );
  }

  private notFound(id: string): ScimError {
    return ScimError.notFound(`Webhook ${id} not found`);
  }

  private toDto(row: EndpointRow): WebhookDto {
    return {
      id: row.id,
      url: row.url,
      eventTypes: row.event_types,
      description: row.description,
      status: row.status,
      consecutiveFailures: row.consecutive_failures,
      createdAt: row.created_at.toISOString(),
    };
  }
}
