import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/auth.decorators';
import { AdminPageQuery } from '../common/admin-page.query';
import { EventFeedQuery, EventPageDto } from './dto/event.dto';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryPageDto,
  TestDeliveryDto,
  WebhookDto,
} from './dto/webhook.dto';
import { EventsService } from './events.service';
import { WebhooksService } from './webhooks.service';

@ApiTags('Admin: events and webhooks')
@ApiBearerAuth('admin')
@AdminOnly()
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
  feed(@Param('tenantId') tenantId: string, @Query() query: EventFeedQuery): Promise<EventPageDto> {
    return this.events.feed(tenantId, query.after, query.limit);
  }

  @Post('webhooks')
  @ApiOperation({
    summary: 'Register a webhook endpoint',
    description: 'Each event is POSTed with a Rollcall-Signature header; the secret is shown once.',
  })
  createWebhook(
    @Param('tenantId') tenantId: string,
    @Body() body: CreateWebhookDto,
  ): Promise<CreatedWebhookDto> {
    return this.webhooks.create(tenantId, body);
  }

  @Get('webhooks')
  @ApiOperation({ summary: "List the tenant's webhook endpoints (never their secrets)" })
  @ApiOkResponse({ type: [WebhookDto] })
  listWebhooks(@Param('tenantId') tenantId: string): Promise<WebhookDto[]> {
    return this.webhooks.list(tenantId);
  }

  @Delete('webhooks/:webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook endpoint and its pending deliveries' })
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
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'cursor', required: false, type: String })
  deliveries(
    @Param('tenantId') tenantId: string,
    @Param('webhookId') webhookId: string,
    @Query() query: AdminPageQuery,
  ): Promise<DeliveryPageDto> {
    return this.webhooks.deliveries(tenantId, webhookId, query.limit, query.cursor);
  }
}
