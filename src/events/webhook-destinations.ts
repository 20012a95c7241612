import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import ipaddr from 'ipaddr.js';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScimError } from '../scim/errors/scim-error';
import { InvalidFieldsError } from '../common/problem-details';

/** Cloud metadata services by name: refused even where their address would be allowed. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data']);
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
const TRANSIENT_DNS = new Set(['EAI_AGAIN', 'ETIMEOUT', 'ECONNREFUSED', 'ESERVFAIL']);

/** A webhook URL split into what is stored in the clear and the credentials that are sealed. */
export interface WebhookUrl {
  url: string;
  /** `user:password` (percent-encoded as in the URL), or null. */
  credentials: string | null;
}

/** Why a destination was refused; the attempt fails with this message. */
export class RefusedDestination extends Error {}

/**
 * Where webhooks may go: public unicast addresses only, unless an address is inside
 * WEBHOOK_ALLOWED_NETWORKS. Checked at registration and again at every new connection, after DNS
 * resolution, and the connection goes to the address that was checked (no second lookup a
 * rebinding DNS server could answer differently).
 */
@Injectable()
export class WebhookDestinations {
  private readonly allowed: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.allowed = config.webhookAllowedNetworks.map((cidr) => ipaddr.parseCIDR(cidr));
  }

  /** Registration: a clear 400 for a URL that could never be delivered, 503 when DNS is down. */
  async register(raw: string): Promise<WebhookUrl> {
    const parsed = parseWebhookUrl(raw);
    const host = hostOf(parsed);
    if (METADATA_HOSTS.has(host)) throw this.invalid(`${host} is a cloud metadata service`);
    if (isIP(host)) {
      const refusal = this.refusal(host);
      if (refusal) throw this.invalid(refusal);
    } else {
      let addresses: LookupAddress[];
      try {
        addresses = await dnsLookup(host, { all: true, verbatim: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (TRANSIENT_DNS.has(code)) throw ScimError.unavailable(`url: ${host} could not be resolved now`, 5);
        throw this.invalid(`${host} does not resolve`);
      }
      const refusal = addresses.map((a) => this.refusal(a.address)).find((r) => r !== null);
      if (refusal) throw this.invalid(refusal);
    }
    return splitCredentials(parsed);
  }

  /** Why an address may not be reached, or null when it may. */
  refusal(address: string): string | null {
    let ip: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      ip = ipaddr.process(address);
    } catch {
      return `${address} is not an IP address`;
    }
    if (this.allowed.some(([net, bits]) => ip.kind() === net.kind() && ip.match(net, bits))) return null;
    const range = ip.range();
    const global =
      range === 'unicast' && (ip.kind() === 'ipv4' || (ip as ipaddr.IPv6).match(...GLOBAL_UNICAST_V6));
    if (global) return null;
    const named = ip.toString() === address ? address : `${address} (${ip.toString()})`;
    return `${named} is a ${range === 'unicast' ? 'non-global' : range} address; webhooks go to public addresses only`;
  }

  /**
   * The `lookup` of each outgoing connection: resolves the name and refuses the connection if any
   * address is forbidden. The connection then tries only the addresses checked here (the first, or
   * each in turn where Node's happy eyeballs asks for all).
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true }).then(
      (addresses) => {
        const refusal = METADATA_HOSTS.has(hostname)
          ? `${hostname} is a cloud metadata service`
          : addresses.map((a) => this.refusal(a.address)).find((r) => r !== null);
        if (refusal) return callback(new RefusedDestination(`destination refused: ${refusal}`), '', 4);
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };

  /** A literal IP host is connected to without a lookup, so it is checked before the request. */
  literalRefusal(url: URL): string | null {
    const host = hostOf(url);
    if (!isIP(host)) return null;
    const refusal = this.refusal(host);
    return refusal ? `destination refused: ${refusal}` : null;
  }

  private invalid(reason: string): ScimError {
    return InvalidFieldsError.invalidValue('url', `url: ${reason}`);
  }
}

/** An http(s) URL, or a 400 naming what is wrong with it. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw InvalidFieldsError.invalidValue('url', 'url: not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw InvalidFieldsError.invalidValue('url', 'url: must be an http or https URL');
  }
  if (url.hash) throw InvalidFieldsError.invalidValue('url', 'url: must not have a #fragment');
  return url;
}

/** The host as a connection sees it: IPv6 without brackets, no trailing dot. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

function splitCredentials(url: URL): WebhookUrl {
  const credentials = url.username || url.password ? `${url.username}:${url.password}` : null;
  const clean = new URL(url.href);
  clean.username = '';
  clean.password = '';
  return { url: clean.href, credentials };
}

/** The URL as the admin API shows it: credentials, if any, never shown back. */
export function displayedUrl(url: string, hasCredentials: boolean): string {
  if (!hasCredentials) return url;
  const shown = new URL(url);
  shown.username = '***';
  return shown.href;
}
