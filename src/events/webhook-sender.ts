import { envelopeOf } from './event-envelope';
import { SIGNATURE_HEADER, signatureOf } from './webhook-signature';
import { AttemptResult, ClaimedDelivery } from './webhooks.repository';

/** A receiver that has not answered within this time has failed the attempt. */
const TIMEOUT_MS = 10_000;

/** The JSON body of a delivery: the event envelope (or a test event). */
export function deliveryBody(delivery: ClaimedDelivery): string {
  if (delivery.event) return JSON.stringify(envelopeOf(delivery.tenant_id, delivery.event));
  return JSON.stringify(delivery.payload ?? {});
}

/** POSTs one delivery, signed; any 2xx is success, anything else (or no answer) a failure. */
export async function sendDelivery(delivery: ClaimedDelivery): Promise<AttemptResult> {
  const body = deliveryBody(delivery);
  const at = new Date();
  const started = performance.now();
  const timestamp = Math.floor(at.getTime() / 1000);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Rollcall-Webhooks/1',
        [SIGNATURE_HEADER]: signatureOf(delivery.secret, timestamp, body),
        'Rollcall-Delivery-Id': delivery.id,
        ...(delivery.event
          ? { 'Rollcall-Event-Id': delivery.event.id, 'Rollcall-Event-Type': delivery.event.type }
          : {}),
      },
      body,
    });
    await response.body?.cancel();
    const delivered = response.status >= 200 && response.status < 300;
    return {
      at,
      statusCode: response.status,
      latencyMs: Math.round(performance.now() - started),
      error: delivered ? null : `receiver answered ${response.status}`,
      delivered,
    };
  } catch (error) {
    const cause =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    return {
      at,
      statusCode: null,
      latencyMs: Math.round(performance.now() - started),
      error: cause,
      delivered: false,
    };
  }
}
