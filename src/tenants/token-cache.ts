import type { TokenOwner } from './tenant-tokens.repository';

/** Verified tokens kept per process; a tenant with more live tokens than this is not a concern. */
const MAX_ENTRIES = 50_000;

interface Entry {
  owner: TokenOwner;
  cachedAt: number;
}

/**
 * Who owns each recently verified bearer token, so a busy tenant's requests skip the token lookup.
 * Only positive answers are kept, and only while the process is told of every change that can take
 * access away (`open`): the TenantAccessChannel hears them from the database, and in-process writers
 * call `forgetTenant` as well. Expiry is checked by the caller on every request, cached or not.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private isOpen = false;
  /** Bumped by every invalidation, so a lookup that raced one is not cached. */
  private generation = 0;

  constructor(private readonly ttlMs: number) {}

  /** Starts caching: this process will now hear of every revocation. */
  open(): void {
    this.entries.clear();
    this.isOpen = this.ttlMs > 0;
  }

  /** Stops caching (the channel that tells of revocations is down) and forgets everything. */
  close(): void {
    this.isOpen = false;
    this.generation += 1;
    this.entries.clear();
  }

  /** The owner of the token with this hash, from memory when it is fresh, else from `load`. */
  async owner(tokenHash: Buffer, load: () => Promise<TokenOwner | null>): Promise<TokenOwner | null> {
    if (!this.isOpen) return load();
    const key = tokenHash.toString('base64');
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.cachedAt < this.ttlMs) return hit.owner;
    const generation = this.generation;
    const owner = await load();
    // Only access granted is kept: a "disabled" answer kept would outlive the tenant's re-enabling.
    if (owner?.tenantEnabled && this.isOpen && generation === this.generation) this.remember(key, owner);
    else this.entries.delete(key);
    return owner;
  }

  /** Drops every token of the tenant (a token revoked or changed, the tenant disabled or deleted). */
  forgetTenant(tenantId: string): void {
    this.generation += 1;
    const id = tenantId.toLowerCase();
    for (const [key, entry] of this.entries) {
      if (entry.owner.tenantId === id) this.entries.delete(key);
    }
  }

  private remember(key: string, owner: TokenOwner): void {
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { owner, cachedAt: Date.now() });
  }
}
