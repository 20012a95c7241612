import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { logServerError, scimErrorOf } from '../scim/errors/scim-exception.filter';
import { scimBaseUrl } from '../scim/http/scim-urls';
import { ThrottledTenant, ScimThrottle } from '../throttling/scim-throttle';
import { BulkJob, BulkResult } from './bulk-job';
import { readBulkRequest } from './bulk-request';
import { BULK_TARGETS, BulkTarget } from './bulk-target';

/** `POST {base}/Bulk` (RFC 7644 §3.7): reads the request, counts it by its operations, runs them. */
@Injectable()
export class BulkService {
  private readonly logger = new Logger('Bulk');
  private readonly targets: Map<string, BulkTarget>;

  constructor(
    @Inject(BULK_TARGETS) targets: BulkTarget[],
    private readonly throttle: ScimThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.targets = new Map(targets.map((t) => [t.endpoint.toLowerCase(), t]));
  }

  async process(tenant: ThrottledTenant, body: unknown, requestId: unknown): Promise<BulkResult> {
    const request = readBulkRequest(body, this.config.bulk.maxOperations);
    this.throttle.consumeOperations(tenant, request.operations.length);
    const job = new BulkJob(request, {
      tenantId: tenant.tenantId,
      baseUrl: scimBaseUrl(this.config.publicUrl, tenant.tenantId),
      target: (endpoint) => this.targets.get(endpoint.toLowerCase()),
      errorOf: (exception) => {
        const error = scimErrorOf(exception, requestId);
        logServerError(this.logger, exception, error, requestId);
        return error;
      },
    });
    return job.run();
  }
}
