import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, pageOf } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { ScimError } from '../scim/errors/scim-error';
import { TenantsService } from '../tenants/tenants.service';
import { ActivityEntryRow, ActivityRepository, RequestTotals } from './activity.repository';
import { ActivityWriter } from './activity-writer';
import {
  ActivityEntryDetailDto,
  ActivityEntryDto,
  ActivityPageDto,
  ActivityQuery,
  ConnectionDto,
  RequestRateDto,
} from './dto/activity.dto';
import { hintOf } from './failure-hints';
import { InvalidFieldsError } from '../common/problem-details';

const MINUTE_MS = 60_000;
/** How long a read waits for this process's queue to be written first. */
const FLUSH_BEFORE_READ_MS = 1000;

function rateOf(totals: RequestTotals): RequestRateDto {
  const errorRate =
    totals.requests === 0 ? 0 : Math.round((totals.errors / totals.requests) * 10_000) / 10_000;
  return { ...totals, errorRate };
}

function timeOf(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw InvalidFieldsError.invalidValue(name, `${name} is not a date-time`);
  return date;
}

function toDto(row: ActivityEntryRow): ActivityEntryDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    aggregated: row.aggregated,
    count: row.count,
    lastAt: row.last_at.toISOString(),
    requestId: row.request_id,
    durationMs: row.duration_ms,
    client: row.client,
    userAgent: row.user_agent,
    clientAddress: row.client_address,
    tokenPrefix: row.token_prefix,
    method: row.method,
    route: row.route,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    userName: row.user_name,
    operations: row.operations,
    status: row.status,
    scimType: row.scim_type,
    detail: row.detail,
    authFailure: row.auth_failure,
    errorCode: row.error_code,
    hint: hintOf(row.error_code),
  };
}

/**
 * Reading the activity log: the admin API and the tenant portal both call this. What this process
 * has queued is written first (for up to a second), so a request is readable once it is answered.
 */
@Injectable()
export class ActivityService {
  constructor(
    private readonly repository: ActivityRepository,
    private readonly writer: ActivityWriter,
    private readonly tenants: TenantsService,
  ) {}

  async list(tenantId: string, query: ActivityQuery): Promise<ActivityPageDto> {
    await this.tenants.require(tenantId);
    const filters = {
      outcome: query.outcome,
      status: query.status,
      resourceId: query.resourceId,
      userName: query.userName,
      client: query.client,
      since: timeOf(query.since, 'since'),
      until: timeOf(query.until, 'until'),
    };
    const before = query.cursor ? decodeCursor(query.cursor) : null;
    if (before && !isUuid(before.id))
      throw InvalidFieldsError.invalidValue('cursor', 'cursor is not a cursor this server issued');
    await this.writer.flushWithin(FLUSH_BEFORE_READ_MS);
    const rows = await this.repository.list(tenantId, filters, before, query.limit + 1);
    return pageOf(rows, query.limit, (last) => encodeCursor({ at: last.at, id: last.id }), toDto);
  }

  async get(tenantId: string, entryId: string): Promise<ActivityEntryDetailDto> {
    await this.tenants.require(tenantId);
    await this.writer.flushWithin(FLUSH_BEFORE_READ_MS);
    const row = isUuid(entryId) ? await this.repository.find(tenantId, entryId.toLowerCase()) : null;
    if (!row) throw ScimError.notFound(`Activity entry ${entryId} not found`);
    return {
      ...toDto(row),
      query: row.query,
      contentType: row.content_type,
      requestBody: row.request_body ?? null,
      requestBodyTruncated: row.request_body_truncated ?? false,
      responseBody: row.response_body ?? null,
      responseBodyTruncated: row.response_body_truncated ?? false,
    };
  }

  /** The connection summary; the rates come from the per-minute totals, never from the entries. */
  async connection(tenantId: string, now = new Date()): Promise<ConnectionDto> {
    await this.tenants.require(tenantId);
    await this.writer.flushWithin(FLUSH_BEFORE_READ_MS);
    const minute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
    const [row, [hour, day]] = await Promise.all([
      this.repository.connection(tenantId),
      this.repository.totals(tenantId, [
        new Date(minute - 59 * MINUTE_MS),
        new Date(minute - (24 * 60 - 1) * MINUTE_MS),
      ]),
    ]);
    const seen = (at: Date | null, client: ActivityEntryRow['client'] | null) =>
      at && client ? { at: at.toISOString(), client } : null;
    return {
      connected: row?.last_success_at != null,
      firstRequest: row ? seen(row.first_at, row.first_client) : null,
      lastRequest: row
        ? { at: row.last_at.toISOString(), client: row.last_client, status: row.last_status }
        : null,
      lastSuccess: row ? seen(row.last_success_at, row.last_success_client) : null,
      lastFailure:
        row?.last_failure_at && row.last_failure_client && row.last_failure_status !== null
          ? {
              at: row.last_failure_at.toISOString(),
              client: row.last_failure_client,
              status: row.last_failure_status,
              detail: row.last_failure_detail,
              hint: hintOf(row.last_failure_code),
              entryId: row.last_failure_entry_id,
            }
          : null,
      lastHour: rateOf(hour),
      last24Hours: rateOf(day),
      lastToken:
        row?.last_token_id && row.last_token_at
          ? {
              id: row.last_token_id,
              prefix: row.token_prefix,
              description: row.token_description,
              usedAt: row.last_token_at.toISOString(),
            }
          : null,
    };
  }
}
