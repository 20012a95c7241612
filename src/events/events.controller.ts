import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminApi, AdminErrors } from '../openapi/api-responses';
import { AdminOnly } from '../auth/auth.decorators';
import { AdminPageQuery } from '../common/admin-page.query';
import { EventFeedQuery, EventPageDto } from './dto/event.dto';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryPageDto,
  ReplayDto,
  ReplayQuery,
  RotatedSecretDto,
  RotateSecretDto,
  TestDeliveryDto,
  UpdateWebhookDto,
  WebhookDto,
  WebhookPageDto,
} from './dto/webhook.dto';
import { EventsService } from './events.service';
import { WebhooksService } from './webhooks.service';
import { RetryReads } from '../database/read-retry.interceptor';

@ApiTags('Admin: events and webhooks')
@ApiBearerAuth('admin')
@AdminApi()
@AdminErrors(404)
@AdminOnly()
@RetryReads()
@Controller('admin/tenants/:tenantId')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly webhooks: WebhooksService,
  ) {}

  @Get('events')
  @ApiOperation({
    summary: "The tenant's provisioning events, in order",
    description:
      'Resume from the nextCursor of the previous page to see every event exactly once. Events are ' +
      'written in the transaction of their change: a failed request leaves none.',
  })
  @ApiOkResponse({ type: EventPageDto })
  @AdminErrors(410)
  feed(@Param('tenantId') tenantId: string, @Query() query: EventFeedQuery): Promise<EventPageDto> {
    return this.events.feed(tenantId, query.after, query.limit);
  }

  @Post('webhooks')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Register a webhook endpoint',
    description:
      'Events are POSTed signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature); ' +
      'the secret is shown once.',
  })
  @ApiBody({
    type: CreateWebhookDto,
    examples: {
      allEvents: {
        summary: 'Every event, one per POST',
        value: { url: 'https://example.com/hooks/rollcall', description: 'Billing service' },
      },
    },
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  createWebhook(
    @Param('tenantId') tenantId: string,
    @Body() body: CreateWebhookDto,
  ): Promise<CreatedWebhookDto> {
    return this.webhooks.create(tenantId, body);
  }

  @Get('webhooks')
  @ApiOperation({ summary: "List the tenant's webhook endpoints (never their secrets)" })
  @ApiOkResponse({ type: WebhookPageDto })
  listWebhooks(@Param('tenantId') tenantId: string, @Query() query: AdminPageQuery): Promise<WebhookPageDto> {
    return this.webhooks.list(tenantId, query.limit, query.cursor);
  }

  @Get('webhooks/:webhookId')
  @ApiOperation({
    summary: 'A webhook endpoint and its queue',
    description: 'pending, oldestPendingAt, nextAttemptAt, lastError and state show what waits and why.',
  })
  @ApiOkResponse({ type: WebhookDto })
  getWebhook(
    @Param('tenantId') tenantId: string,
    @Param('webhookId') webhookId: string,
  ): Promise<WebhookDto> {
    return this.webhooks.get(tenantId, webhookId);
  }

  @Patch('webhooks/:webhookId')
  @ApiOperation({ summary: "Change an endpoint's URL, event types, description or batch size" })
  @ApiOkResponse({ type: WebhookDto })
  updateWebhook(
    @Param('tenantId') tenantId: string,
    @Param('webhookId') webhookId: string,
    @Body() body: UpdateWebhookDto,
  ): Promise<WebhookDto> {
    return this.webhooks.update(tenantId, webhookId, body);
  }

  @Post('webhooks/:webhookId/resume')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deliver again to a disabled or failing endpoint',
    description: 'The endpoint becomes active and its pending deliveries are due now, oldest first.',
  })
  @ApiOkResponse({ type: WebhookDto })
  resumeWebhook(
    @Param('tenantId') tenantId: string,
    @Param('webhookId') webhookId: string,
  ): Promise<WebhookDto> {
    return this.webhooks.resume(tenantId, webhookId);
  }

  @Post('webhooks/:webhookId/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Queue the held events from a sequence on again',
    description:
      'Each held event from fromSequence on that the endpoint takes, and that is not already pending ' +
      'for it, gets a new delivery (a new webhook-id), delivered in sequence order ahead of later ' +
      'pending ones. A disabled endpoint keeps them until it is resumed.',
  })
  @ApiOkResponse({ type: ReplayDto })
  @AdminErrors(410)
  replayWebhook(
    @Param('tenantId') tenantId: string,
    @Param('webhookId') webhookId: string,
    @Query() query: ReplayQuery,
  ): Promise<ReplayDto> {
    return this.webhooks.replay(tenantId, webhookId, query.fromSequence);
  }

  @Post('webhooks/:webhookId/rotate-secret')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Give the endpoint a new signing secret (shown once)',
    description: 'The previous secret keeps signing beside the new one for keepPreviousHours (default 24).',
  })
  @ApiOkResponse({ type: RotatedSecretDto })
  rotateSecret(
    @Param('tenantId') tenantId: string,
    @Param('webhookId') webhookId: string,
    @Body() body: RotateSecretDto,
  ): Promise<RotatedSecretDto> {
    return this.webhooks.rotateSecret(tenantId, webhookId, body.keepPreviousHours);
  }

  @Delete('webhooks/:webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook endpoint and its pending deliveries' })
  @ApiNoContentResponse({ description: 'Removed' })
  removeWebhook(@Param('tenantId') tenantId: string, @Param('webhookId') webhookId: string): Promise<void> {
    return this.webhooks.remove(tenantId, webhookId);
  }

  @Post('webhooks/:webhookId/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a webhook.test event now and report the outcome' })
  @ApiOkResponse({ type: TestDeliveryDto })
  testWebhook(
    @Param('tenantId') tenantId: string,
    @Param('webhookId') webhookId: string,
  ): Promise<TestDeliveryDto> {
    return this.webhooks.test(tenantId, webhookId);
  }

  @Get('webhooks/:webhookId/deliveries')
  @ApiOperation({ summary: "An endpoint's deliveries, newest first, with every attempt" })
  @ApiOkResponse({ type: DeliveryPageDto })
  deliveries(
    @Param('tenantId') tenantId: string,
    @Param('webhookId') webhookId: string,
    @Query() query: AdminPageQuery,
  ): Promise<DeliveryPageDto> {
    return this.webhooks.deliveries(tenantId, webhookId, query.limit, query.cursor);
  }
}
