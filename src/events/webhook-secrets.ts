import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SecretVault } from './secret-vault';
import { EndpointSecrets, WebhooksRepository } from './webhooks.repository';

const RESEAL_BATCH = 100;

/** What signing needs of an endpoint, as the queue or the admin side reads it. */
interface SealedSigning {
  tenantId: string;
  endpointId: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/**
 * An endpoint's secrets, sealed by the SecretVault: its signing secret (and a rotated-out one while
 * it is still honoured) and the credentials of its URL. Each is sealed with its row and purpose as
 * context. At start-up, values sealed with an older key (or left unsealed by a migration) are sealed
 * again with the current one; a value sealed with a key this process lacks stops the start.
 */
@Injectable()
export class WebhookSecrets implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookSecrets.name);

  constructor(
    private readonly vault: SecretVault,
    private readonly webhooks: WebhooksRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = (await this.webhooks.sealingKeyIds()).filter(
      (id) => id !== null && !this.vault.holds(id),
    );
    if (missing.length > 0) {
      throw new Error(
        `webhook secrets in the database are sealed with key ${missing.map((id) => `"${id}"`).join(', ')}, ` +
          'which this process does not hold: set WEBHOOK_SECRET_KEYS to the keys the other instances use',
      );
    }
    let resealed = 0;
    for (;;) {
      const seen = await this.webhooks.resealBatch(this.vault.currentKeyId, RESEAL_BATCH, (row) =>
        this.resealed(row),
      );
      resealed += seen;
      if (seen < RESEAL_BATCH) break;
    }
    if (resealed > 0) {
      this.logger.log(
        { endpoints: resealed, keyId: this.vault.currentKeyId },
        'webhook secrets sealed again',
      );
    }
  }

  sealSigning(tenantId: string, endpointId: string, secret: string): string {
    return this.vault.seal(secret, signingContext(tenantId, endpointId));
  }

  sealCredentials(tenantId: string, endpointId: string, credentials: string | null): string | null {
    return credentials === null
      ? null
      : this.vault.seal(credentials, credentialsContext(tenantId, endpointId));
  }

  /** The secrets a POST is signed with at `now`: the current one, and the previous one until it expires. */
  signingSecrets(endpoint: SealedSigning, now: Date): string[] {
    const context = signingContext(endpoint.tenantId, endpoint.endpointId);
    const secrets = [this.vault.open(endpoint.secret, context)];
    if (
      endpoint.previousSecret &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now
    ) {
      secrets.push(this.vault.open(endpoint.previousSecret, context));
    }
    return secrets;
  }

  urlCredentials(endpoint: {
    tenantId: string;
    endpointId: string;
    urlCredentials: string | null;
  }): string | null {
    return endpoint.urlCredentials === null
      ? null
      : this.vault.open(endpoint.urlCredentials, credentialsContext(endpoint.tenantId, endpoint.endpointId));
  }

  private resealed(row: EndpointSecrets) {
    const signing = signingContext(row.tenant_id, row.id);
    const again = (value: string | null, context: string) =>
      value === null || this.vault.isCurrent(value)
        ? value
        : this.vault.seal(this.vault.open(value, context), context);
    return {
      secret: again(row.secret, signing) as string,
      previous_secret: again(row.previous_secret, signing),
      url_credentials: again(row.url_credentials, credentialsContext(row.tenant_id, row.id)),
    };
  }
}

function signingContext(tenantId: string, endpointId: string): string {
  return `webhook_endpoint/${tenantId}/${endpointId}/signing-secret`;
}

function credentialsContext(tenantId: string, endpointId: string): string {
  return `webhook_endpoint/${tenantId}/${endpointId}/url-credentials`;
}
