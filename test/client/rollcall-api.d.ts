export interface paths {
  '/admin/tenants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List tenants, oldest first, a page at a time; or find one by externalId */
    get: operations['TenantsController_list'];
    put?: never;
    /**
     * Create a tenant
     * @description Its scimBaseUrl is what the IdP is given.
     */
    post: operations['TenantsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a tenant */
    get: operations['TenantsController_get'];
    put?: never;
    post?: never;
    /** Delete a tenant and everything it owns, in one transaction */
    delete: operations['TenantsController_remove'];
    options?: never;
    head?: never;
    /** Rename a tenant, link it (externalId), change its seat limit, enable/disable it, or switch its SCIM provisioning */
    patch: operations['TenantsController_update'];
    trace?: never;
  };
  '/admin/tenants/{tenantId}/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List a tenant's tokens (prefix and last use, never the secret) */
    get: operations['TenantsController_listTokens'];
    put?: never;
    /**
     * Issue a SCIM bearer token
     * @description The token is in this response only; Rollcall keeps just its SHA-256 hash. The answer also carries the scimBaseUrl: both are what the identity provider is given.
     */
    post: operations['TenantsController_issueToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/tokens/{tokenId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a token; it stops working at once */
    delete: operations['TenantsController_revokeToken'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/ServiceProviderConfig': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What this SCIM service supports (RFC 7644 §4) */
    get: operations['DiscoveryController_serviceProviderConfig'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/Schemas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every schema, with every attribute and its characteristics */
    get: operations['DiscoveryController_schemas'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/Schemas/{schemaId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One schema by its URN */
    get: operations['DiscoveryController_schema'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/ResourceTypes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The resource types (User, Group) and their schema extensions */
    get: operations['DiscoveryController_resourceTypes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/ResourceTypes/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One resource type by name */
    get: operations['DiscoveryController_resourceType'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/Users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List or filter Users (RFC 7644 §3.4.2) */
    get: operations['UsersController_list'];
    put?: never;
    /**
     * Create a User (RFC 7644 §3.3)
     * @description userName must be unique in the tenant, whatever its case (409 uniqueness).
     */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/Users/.search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Search Users with a SearchRequest body (RFC 7644 §3.4.3) */
    post: operations['UsersController_search'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/Users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a User
     * @description If-None-Match with the current ETag answers 304.
     */
    get: operations['UsersController_get'];
    /**
     * Replace a User (RFC 7644 §3.5.1)
     * @description Attributes left out are cleared; id, meta and groups are ignored.
     */
    put: operations['UsersController_replace'];
    post?: never;
    /** Delete a User and its group memberships */
    delete: operations['UsersController_remove'];
    options?: never;
    head?: never;
    /**
     * Modify a User with PATCH operations (RFC 7644 §3.5.2)
     * @description All operations apply in one transaction, or none do. Answers 200 with the User.
     */
    patch: operations['UsersController_patch'];
    trace?: never;
  };
  '/admin/tenants/{tenantId}/seats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A tenant's seat usage and a page of its seats
     * @description used counts active users; overAllocated says the limit was lowered below it.
     */
    get: operations['SeatsController_overview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/seats/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every seat assignment and release, in order, for billing */
    get: operations['SeatsController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/seats/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change one seat's quota */
    patch: operations['SeatsController_update'];
    trace?: never;
  };
  '/admin/tenants/{tenantId}/seats/{userId}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report the user's first sign-in: the seat becomes claimed
     * @description Claiming a claimed seat changes nothing; a released seat cannot be claimed (409).
     */
    post: operations['SeatsController_claim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The tenant's provisioning events, in order
     * @description Resume from the nextCursor of the previous page to see every event exactly once. Events are written in the transaction of their change: a failed request leaves none.
     */
    get: operations['EventsController_feed'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the tenant's webhook endpoints (never their secrets) */
    get: operations['EventsController_listWebhooks'];
    put?: never;
    /**
     * Register a webhook endpoint
     * @description Events are POSTed signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature); the secret is shown once.
     */
    post: operations['EventsController_createWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/webhooks/{webhookId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A webhook endpoint and its queue
     * @description pending, oldestPendingAt, nextAttemptAt, lastError and state show what waits and why.
     */
    get: operations['EventsController_getWebhook'];
    put?: never;
    post?: never;
    /** Remove a webhook endpoint and its pending deliveries */
    delete: operations['EventsController_removeWebhook'];
    options?: never;
    head?: never;
    /** Change an endpoint's URL, event types, description or batch size */
    patch: operations['EventsController_updateWebhook'];
    trace?: never;
  };
  '/admin/tenants/{tenantId}/webhooks/{webhookId}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deliver again to a disabled or failing endpoint
     * @description The endpoint becomes active and its pending deliveries are due now, oldest first.
     */
    post: operations['EventsController_resumeWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/webhooks/{webhookId}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Queue the held events from a sequence on again
     * @description Each held event from fromSequence on that the endpoint takes, and that is not already pending for it, gets a new delivery (a new webhook-id), delivered in sequence order ahead of later pending ones. A disabled endpoint keeps them until it is resumed.
     */
    post: operations['EventsController_replayWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/webhooks/{webhookId}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Give the endpoint a new signing secret (shown once)
     * @description The previous secret keeps signing beside the new one for keepPreviousHours (default 24).
     */
    post: operations['EventsController_rotateSecret'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/webhooks/{webhookId}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a webhook.test event now and report the outcome */
    post: operations['EventsController_testWebhook'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/webhooks/{webhookId}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An endpoint's deliveries, newest first, with every attempt */
    get: operations['EventsController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/Groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List or filter Groups (RFC 7644 §3.4.2)
     * @description Filters include members[value eq "…"] and members.value eq "…". With excludedAttributes=members the membership is not read at all.
     */
    get: operations['GroupsController_list'];
    put?: never;
    /**
     * Create a Group (RFC 7644 §3.3)
     * @description displayName must be unique in the tenant, whatever its case (409 uniqueness). Members must be Users or Groups of the same tenant (400 invalidValue otherwise).
     */
    post: operations['GroupsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/Groups/.search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Search Groups with a SearchRequest body (RFC 7644 §3.4.3) */
    post: operations['GroupsController_search'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/Groups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a Group
     * @description Members are streamed; If-None-Match with the current ETag answers 304.
     */
    get: operations['GroupsController_get'];
    /**
     * Replace a Group (RFC 7644 §3.5.1)
     * @description displayName, externalId and the whole member list are replaced.
     */
    put: operations['GroupsController_replace'];
    post?: never;
    /** Delete a Group, its memberships and its place in parent groups */
    delete: operations['GroupsController_remove'];
    options?: never;
    head?: never;
    /**
     * Modify a Group with PATCH operations (RFC 7644 §3.5.2)
     * @description All operations apply in one transaction, or none do. Adding a member already there or removing one that is not is no error. Answers 204 with the new ETag, so that a change to a large group never sends its whole membership back; with attributes or excludedAttributes it answers 200 with the Group so projected.
     */
    patch: operations['GroupsController_patch'];
    trace?: never;
  };
  '/scim/v2/{tenantId}/Bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run many operations in one request (RFC 7644 §3.7)
     * @description POST, PUT, PATCH and DELETE on every resource type (/Users, /Groups), each in its own transaction with its events and seat effects, as if sent alone; `version` is its If-Match. Operations run in request order, except that one naming "bulkId:…" waits for the POST that creates it; references that go round in a circle fail with 409. After failOnErrors errors the rest are not run and not reported. More operations than maxOperations or a body over maxPayloadSize (ServiceProviderConfig): 413. The request counts against the rate limit as its number of operations.
     */
    post: operations['BulkController_run'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/.search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Search every resource type with a SearchRequest body (RFC 7644 §3.4.3)
     * @description Users first, then Groups, paged as one list. A filter on attributes that only one type has matches nothing of the other; sortBy orders within each type.
     */
    post: operations['RootSearchController_searchAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scim/v2/{tenantId}/Me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GET /Me: not implemented, a bearer token names no User (RFC 7644 §3.11) */
    get: operations['MeController_get'];
    /** PUT /Me: not implemented, a bearer token names no User (RFC 7644 §3.11) */
    put: operations['MeController_replace'];
    /** POST /Me: not implemented, a bearer token names no User (RFC 7644 §3.11) */
    post: operations['MeController_create'];
    /** DELETE /Me: not implemented, a bearer token names no User (RFC 7644 §3.11) */
    delete: operations['MeController_remove'];
    options?: never;
    head?: never;
    /** PATCH /Me: not implemented, a bearer token names no User (RFC 7644 §3.11) */
    patch: operations['MeController_patch'];
    trace?: never;
  };
  '/admin/tenants/{tenantId}/activity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The tenant's SCIM requests, newest first, a page at a time
     * @description Every request to the tenant's SCIM base URL, with its outcome and a hint for the common failures. Unauthenticated requests and successful reads are counted per minute (aggregated). Bodies are left out here: read one entry for them.
     */
    get: operations['ActivityController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/activity/{entryId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One activity entry, with its redacted request and response bodies
     * @description Never a password, a token or a header other than User-Agent and Content-Type.
     */
    get: operations['ActivityController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/connection': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The tenant's connection health
     * @description First and last request, last success and failure (with its hint), requests and error rate in the last hour and 24 hours, and the token used last.
     */
    get: operations['ActivityController_connection'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where the API docs, the OpenAPI document and the health checks are */
    get: operations['LandingController_landing'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/tenants/{tenantId}/portal-links': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make a single-use link to the tenant's admin portal
     * @description For your product's “Configure SCIM” button: the link opens the tenant's portal (setup, tokens, seats, people, activity) for that tenant alone. It works once, within ttlSeconds; the session it opens lasts PORTAL_SESSION_HOURS.
     */
    post: operations['PortalLinksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    QuotaDto: {
      /**
       * @description The size of the quota.
       * @example 50
       */
      amount: number;
      /**
       * @description Its unit, as the product understands it.
       * @example GB
       */
      unit: string;
    };
    ScimRateLimitDto: {
      /**
       * @description Requests a second, sustained; 0 means unlimited; null means the server default.
       * @example 50
       */
      perSecond?: number | null;
      /**
       * @description Requests at once above the sustained rate; null means the server default.
       * @example 1000
       */
      burst?: number | null;
    };
    CreateTenantDto: {
      /**
       * @description The customer name, shown in the admin API only.
       * @example Acme
       */
      name: string;
      /**
       * @description The SaaS's own account id for this tenant, unique across tenants (409 when another tenant has it); GET /admin/tenants?externalId= finds the tenant by it. Absent or null: not linked.
       * @example acct_8f3k2m
       */
      externalId?: string | null;
      /**
       * @description How many active users the plan pays for; null or absent means unlimited.
       * @example 50
       */
      seatLimit?: number | null;
      /** @description The quota each new seat gets, e.g. {"amount":50,"unit":"GB"}; null means none. */
      seatQuota?: components['schemas']['QuotaDto'] | null;
      /** @description The tenant's SCIM request limit, per Rollcall process; null or absent means the server's defaults (SCIM_RATE_LIMIT_PER_SECOND, SCIM_RATE_LIMIT_BURST). */
      scimRateLimit?: components['schemas']['ScimRateLimitDto'] | null;
      /** @description The tenant's own Enable SCIM provisioning switch. While it is off, a SCIM request with a valid token is answered 403 (provisioning turned off for the organisation). Absent: on. */
      scimEnabled?: boolean;
      /** @description Whether the tenant's admin may change the account size (seatQuota) in the portal; absent on create: true. */
      portalQuotaEditable?: boolean;
    };
    TenantRateLimitDto: {
      /** @description null: SCIM_RATE_LIMIT_PER_SECOND */
      perSecond: number | null;
      /** @description null: SCIM_RATE_LIMIT_BURST */
      burst: number | null;
    };
    TenantDto: {
      /** Format: uuid */
      id: string;
      /** @example Acme */
      name: string;
      /**
       * @description The SaaS's own account id for this tenant; null when not linked.
       * @example acct_8f3k2m
       */
      externalId: string | null;
      /**
       * @description The SCIM base URL to paste into the identity provider.
       * @example http://localhost:3000/scim/v2/6f1c2a4e-1b7e-4a53-9d0c-2f8d2b9b7a10
       */
      scimBaseUrl: string;
      seatLimit: number | null;
      seatQuota: components['schemas']['QuotaDto'] | null;
      /** @description Seats in use: one per active user. */
      seatsUsed: number;
      /** @description The operator's switch: false refuses every SCIM request (401). */
      enabled: boolean;
      /** @description The tenant's own switch: false answers SCIM requests with a valid token 403. */
      scimEnabled: boolean;
      scimRateLimit: components['schemas']['TenantRateLimitDto'];
      /** @description Whether the tenant's admin may change the account size in the portal. */
      portalQuotaEditable: boolean;
      /** Format: date-time */
      createdAt: string;
    };
    TenantPageDto: {
      items: components['schemas']['TenantDto'][];
      /** @description Pass as `cursor` for the next page. */
      nextCursor: string | null;
    };
    UpdateTenantDto: {
      /** @example Acme Corp */
      name?: string;
      /**
       * @description The SaaS's own account id for this tenant, unique across tenants (409 when another tenant has it); GET /admin/tenants?externalId= finds the tenant by it. null unlinks the tenant; absent leaves it unchanged.
       * @example acct_8f3k2m
       */
      externalId?: string | null;
      /**
       * @description null means unlimited. A limit below the seats in use is accepted: the tenant is then over-allocated and no user can be activated until usage is under the limit.
       * @example 100
       */
      seatLimit?: number | null;
      /** @description The quota each new seat gets, e.g. {"amount":50,"unit":"GB"}; null means none. */
      seatQuota?: components['schemas']['QuotaDto'] | null;
      /** @description The tenant's SCIM request limit, per Rollcall process; null or absent means the server's defaults (SCIM_RATE_LIMIT_PER_SECOND, SCIM_RATE_LIMIT_BURST). */
      scimRateLimit?: components['schemas']['ScimRateLimitDto'] | null;
      /** @description A disabled tenant is refused on every SCIM request (401). */
      enabled?: boolean;
      /** @description The tenant's own Enable SCIM provisioning switch. While it is off, a SCIM request with a valid token is answered 403 (provisioning turned off for the organisation). Absent: unchanged. */
      scimEnabled?: boolean;
      /** @description Whether the tenant's admin may change the account size (seatQuota) in the portal; absent on create: true. */
      portalQuotaEditable?: boolean;
    };
    CreateTokenDto: {
      /**
       * @description What the token is for.
       * @example Okta production
       */
      description?: string;
      /**
       * Format: date-time
       * @description When the token stops working, in the future; absent means it never expires.
       * @example 2099-12-31T23:59:59.000Z
       */
      expiresAt?: string;
    };
    CreatedTokenDto: {
      /** Format: uuid */
      id: string;
      /**
       * @description The first characters of the token, to tell tokens apart.
       * @example rcs_AbC12xYz
       */
      prefix: string;
      description: string | null;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @example 2099-12-31T23:59:59.000Z
       */
      expiresAt: string | null;
      /**
       * Format: date-time
       * @description Updated at most once a minute.
       */
      lastUsedAt: string | null;
      /**
       * @description The bearer token. It is shown in this response only and cannot be read again.
       * @example rcs_3q2Xb9kPz7mW4tYcR1vN8sLdF6hJ0gKaE5uQiOxTnB2
       */
      token: string;
      /**
       * @description The tenant's SCIM base URL: with the token, all the identity provider needs.
       * @example http://localhost:3000/scim/v2/6f1c2a4e-1b7e-4a53-9d0c-2f8d2b9b7a10
       */
      scimBaseUrl: string;
    };
    TokenDto: {
      /** Format: uuid */
      id: string;
      /**
       * @description The first characters of the token, to tell tokens apart.
       * @example rcs_AbC12xYz
       */
      prefix: string;
      description: string | null;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @example 2099-12-31T23:59:59.000Z
       */
      expiresAt: string | null;
      /**
       * Format: date-time
       * @description Updated at most once a minute.
       */
      lastUsedAt: string | null;
    };
    TokenPageDto: {
      /** @description Live tokens, oldest first (revoked ones are not listed). */
      items: components['schemas']['TokenDto'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    SeatDto: {
      /** Format: uuid */
      userId: string;
      userName: string;
      /** @enum {string} */
      status: 'invited' | 'claimed' | 'released';
      quota: components['schemas']['QuotaDto'] | null;
      /** Format: date-time */
      assignedAt: string;
      /** Format: date-time */
      claimedAt?: string | null;
      /** Format: date-time */
      releasedAt?: string | null;
    };
    SeatsOverviewDto: {
      /** @description The seat limit; null means unlimited. */
      limit: number | null;
      /** @description Seats held: one per active user. */
      used: number;
      /** @description Seats still free; null when unlimited. */
      available: number | null;
      /** @description Seats assigned whose user has not signed in yet. */
      invited: number;
      /** @description Seats whose user has signed in. */
      claimed: number;
      /** @description More seats in use than the limit (after the limit was lowered). */
      overAllocated: boolean;
      /** @description A page of seats, oldest assignment first. */
      items: components['schemas']['SeatDto'][];
      /** @description Pass as `cursor` for the next page of seats. */
      nextCursor: string | null;
    };
    SeatHistoryEntryDto: {
      /** Format: uuid */
      userId: string;
      /** @description The userName when it happened (the user may be gone since). */
      userName: string;
      /** @enum {string} */
      action: 'assigned' | 'released';
      quota: components['schemas']['QuotaDto'] | null;
      /** Format: date-time */
      at: string;
    };
    SeatHistoryPageDto: {
      items: components['schemas']['SeatHistoryEntryDto'][];
      /** @description Pass as `cursor` for the next page. */
      nextCursor: string | null;
    };
    UpdateSeatDto: {
      /** @description This seat's quota; null removes it. */
      quota: components['schemas']['QuotaDto'] | null;
    };
    EventDto: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      type:
        | 'user.created'
        | 'user.updated'
        | 'user.deactivated'
        | 'user.reactivated'
        | 'user.deleted'
        | 'group.created'
        | 'group.updated'
        | 'group.deleted'
        | 'group.members_added'
        | 'group.members_removed'
        | 'seat.assigned'
        | 'seat.released'
        | 'portal.signed_in'
        | 'portal.signed_out'
        | 'portal.scim_enabled'
        | 'portal.scim_disabled'
        | 'portal.token_generated'
        | 'portal.token_revoked'
        | 'portal.account_size_changed';
      /** Format: uuid */
      tenantId: string;
      /**
       * @description Increases with each of the tenant's events, in commit order.
       * @example 42
       */
      sequence: string;
      /** Format: date-time */
      occurredAt: string;
      /** @description user.* and group.created/updated: {resource} as it stood after the change (updated adds {changed}: attribute names); *.deleted: {id}; group.members_*: {group, members: [{value, type}]}; seat.*: {userId, userName, status, quota}. */
      data: {
        [key: string]: unknown;
      };
    };
    EventPageDto: {
      items: components['schemas']['EventDto'][];
      /**
       * @description Always present: the feed is a tail, not a finite list. Pass as `after` to get the events that follow; unchanged when none did, so a consumer polls with it until new events arrive.
       * @example 42
       */
      cursor: string;
    };
    CreateWebhookDto: {
      /**
       * @description Receives the POSTs. A public http(s) address: private, loopback, link-local and metadata destinations are refused (WEBHOOK_ALLOWED_NETWORKS lists exceptions). Credentials in it (`https://user:password@…`) are sent as HTTP Basic authentication, stored sealed and never shown back.
       * @example https://example.com/hooks/rollcall
       */
      url: string;
      /** @description The event types to send; empty or absent means all. */
      eventTypes?: (
        | 'user.created'
        | 'user.updated'
        | 'user.deactivated'
        | 'user.reactivated'
        | 'user.deleted'
        | 'group.created'
        | 'group.updated'
        | 'group.deleted'
        | 'group.members_added'
        | 'group.members_removed'
        | 'seat.assigned'
        | 'seat.released'
        | 'portal.signed_in'
        | 'portal.signed_out'
        | 'portal.scim_enabled'
        | 'portal.scim_disabled'
        | 'portal.token_generated'
        | 'portal.token_revoked'
        | 'portal.account_size_changed'
      )[];
      /** @example Billing service */
      description?: string;
      /**
       * @description Events per POST, 1–100. 1 (the default): each POST is one event. More: each POST is `{"events":[…]}`, up to this many in sequence order, delivered or retried as a whole.
       * @default 1
       */
      maxBatchSize?: number;
    };
    LastErrorDto: {
      /** Format: date-time */
      at: string;
      /** @description The receiver's HTTP status; null when none came. */
      statusCode: number | null;
      error: string | null;
    };
    CreatedWebhookDto: {
      /** Format: uuid */
      id: string;
      /** @description Credentials in the URL are shown as `***`. */
      url: string;
      /** @description Empty means all. */
      eventTypes: (
        | 'user.created'
        | 'user.updated'
        | 'user.deactivated'
        | 'user.reactivated'
        | 'user.deleted'
        | 'group.created'
        | 'group.updated'
        | 'group.deleted'
        | 'group.members_added'
        | 'group.members_removed'
        | 'seat.assigned'
        | 'seat.released'
        | 'portal.signed_in'
        | 'portal.signed_out'
        | 'portal.scim_enabled'
        | 'portal.scim_disabled'
        | 'portal.token_generated'
        | 'portal.token_revoked'
        | 'portal.account_size_changed'
      )[];
      description: string | null;
      maxBatchSize: number;
      /**
       * @description `active`: its last attempt succeeded (or none failed). `failing`: its oldest pending delivery failed and is retried with backoff, and everything behind it waits. `disabled`: it failed for the whole retry window (WEBHOOK_RETRY_WINDOW_HOURS); nothing is sent, its deliveries are kept and new ones queue behind them until `POST …/resume`.
       * @enum {string}
       */
      state: 'active' | 'failing' | 'disabled';
      /** @description Failed attempts since the last success. */
      consecutiveFailures: number;
      /** @description Deliveries waiting to be sent. */
      pending: number;
      /**
       * Format: date-time
       * @description When the delivery that has waited longest was queued.
       */
      oldestPendingAt: string | null;
      /**
       * Format: date-time
       * @description When the oldest pending delivery is tried next.
       */
      nextAttemptAt: string | null;
      /**
       * Format: date-time
       * @description Since when it has been failing.
       */
      failingSince: string | null;
      /** Format: date-time */
      disabledAt: string | null;
      /** @description The last failed attempt, kept after a later success. */
      lastError: components['schemas']['LastErrorDto'] | null;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description The Standard Webhooks signing secret (`whsec_` + base64). Shown in this response only: keep it.
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      secret: string;
    };
    WebhookDto: {
      /** Format: uuid */
      id: string;
      /** @description Credentials in the URL are shown as `***`. */
      url: string;
      /** @description Empty means all. */
      eventTypes: (
        | 'user.created'
        | 'user.updated'
        | 'user.deactivated'
        | 'user.reactivated'
        | 'user.deleted'
        | 'group.created'
        | 'group.updated'
        | 'group.deleted'
        | 'group.members_added'
        | 'group.members_removed'
        | 'seat.assigned'
        | 'seat.released'
        | 'portal.signed_in'
        | 'portal.signed_out'
        | 'portal.scim_enabled'
        | 'portal.scim_disabled'
        | 'portal.token_generated'
        | 'portal.token_revoked'
        | 'portal.account_size_changed'
      )[];
      description: string | null;
      maxBatchSize: number;
      /**
       * @description `active`: its last attempt succeeded (or none failed). `failing`: its oldest pending delivery failed and is retried with backoff, and everything behind it waits. `disabled`: it failed for the whole retry window (WEBHOOK_RETRY_WINDOW_HOURS); nothing is sent, its deliveries are kept and new ones queue behind them until `POST …/resume`.
       * @enum {string}
       */
      state: 'active' | 'failing' | 'disabled';
      /** @description Failed attempts since the last success. */
      consecutiveFailures: number;
      /** @description Deliveries waiting to be sent. */
      pending: number;
      /**
       * Format: date-time
       * @description When the delivery that has waited longest was queued.
       */
      oldestPendingAt: string | null;
      /**
       * Format: date-time
       * @description When the oldest pending delivery is tried next.
       */
      nextAttemptAt: string | null;
      /**
       * Format: date-time
       * @description Since when it has been failing.
       */
      failingSince: string | null;
      /** Format: date-time */
      disabledAt: string | null;
      /** @description The last failed attempt, kept after a later success. */
      lastError: components['schemas']['LastErrorDto'] | null;
      /** Format: date-time */
      createdAt: string;
    };
    WebhookPageDto: {
      /** @description Endpoints, oldest first. */
      items: components['schemas']['WebhookDto'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    UpdateWebhookDto: {
      /** @description Receives the POSTs. A public http(s) address: private, loopback, link-local and metadata destinations are refused (WEBHOOK_ALLOWED_NETWORKS lists exceptions). Credentials in it (`https://user:password@…`) are sent as HTTP Basic authentication, stored sealed and never shown back. */
      url?: string;
      /** @description Empty means all. */
      eventTypes?: (
        | 'user.created'
        | 'user.updated'
        | 'user.deactivated'
        | 'user.reactivated'
        | 'user.deleted'
        | 'group.created'
        | 'group.updated'
        | 'group.deleted'
        | 'group.members_added'
        | 'group.members_removed'
        | 'seat.assigned'
        | 'seat.released'
        | 'portal.signed_in'
        | 'portal.signed_out'
        | 'portal.scim_enabled'
        | 'portal.scim_disabled'
        | 'portal.token_generated'
        | 'portal.token_revoked'
        | 'portal.account_size_changed'
      )[];
      /** @description null removes it. */
      description?: string | null;
      /** @description Events per POST, 1–100. 1 (the default): each POST is one event. More: each POST is `{"events":[…]}`, up to this many in sequence order, delivered or retried as a whole. */
      maxBatchSize?: number;
    };
    ReplayDto: {
      /** @description New deliveries queued: the held events from fromSequence on that the endpoint takes. */
      queued: number;
      fromSequence: string;
    };
    RotateSecretDto: {
      /**
       * @description Hours the old secret still signs beside the new one (each POST then carries both signatures), so receivers can switch without a failed verification. 0 stops it at once.
       * @default 24
       */
      keepPreviousHours?: number;
    };
    RotatedSecretDto: {
      /** @description The new signing secret. Shown in this response only: keep it. */
      secret: string;
      /**
       * Format: date-time
       * @description Until when the previous secret also signs; null when it no longer does.
       */
      previousSecretExpiresAt: string | null;
    };
    TestDeliveryDto: {
      delivered: boolean;
      statusCode: number | null;
      latencyMs: number;
      error: string | null;
    };
    AttemptDto: {
      attempt: number;
      /** Format: date-time */
      at: string;
      /** @description The receiver's HTTP status; null when none came. */
      statusCode: number | null;
      latencyMs: number;
      error: string | null;
    };
    DeliveryDto: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description The `webhook-id` of the POST that carries it (the id of its first delivery), the same on every retry; null until it is first sent.
       */
      webhookId: string | null;
      /** Format: uuid */
      eventId: string | null;
      /** @example 42 */
      sequence: string | null;
      /** @example user.created */
      eventType: string;
      /**
       * @description failed: a test event that was not delivered.
       * @enum {string}
       */
      status: 'pending' | 'delivered' | 'failed';
      /**
       * Format: date-time
       * @description When a pending delivery is tried next.
       */
      nextAttemptAt: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deliveredAt: string | null;
      /** @description The attempts of the POST that carries it. */
      attempts: components['schemas']['AttemptDto'][];
    };
    DeliveryPageDto: {
      items: components['schemas']['DeliveryDto'][];
      /** @description Pass as `cursor` for older deliveries. */
      nextCursor: string | null;
    };
    OperationSummaryDto: {
      /**
       * @description As the IdP sent it (Entra capitalises).
       * @example replace
       */
      op: string;
      /** @example active */
      path: string | null;
    };
    ActivityEntryDto: {
      /** Format: uuid */
      id: string;
      /**
       * Format: date-time
       * @description When the request arrived (a tally: its first).
       */
      at: string;
      /** @description true: a per-minute tally of requests that are counted rather than listed (unauthenticated requests per reason and client address; successful reads unless ACTIVITY_READS=all). */
      aggregated: boolean;
      /** @description Requests the entry stands for: 1, or the tally. */
      count: number;
      /**
       * Format: date-time
       * @description The last request counted (= at when count is 1).
       */
      lastAt: string;
      /** @description X-Request-Id of the request. */
      requestId: string | null;
      /** @description Milliseconds to answer (a tally: the longest). */
      durationMs: number;
      /** @enum {string} */
      client: 'okta' | 'entra' | 'onelogin' | 'jumpcloud' | 'other';
      /** @description The raw User-Agent. */
      userAgent: string | null;
      clientAddress: string | null;
      /** @description The prefix of the token used. */
      tokenPrefix: string | null;
      /** @example PATCH */
      method: string;
      /**
       * @description The route below the SCIM base URL; null when no route matched (404, 405).
       * @example /Users/:id
       */
      route: string | null;
      /** @example User */
      resourceType: string | null;
      resourceId: string | null;
      /** @description The userName or displayName concerned. */
      userName: string | null;
      /** @description PATCH: ops and paths only. */
      operations: components['schemas']['OperationSummaryDto'][] | null;
      /** @example 409 */
      status: number;
      /** @example uniqueness */
      scimType: string | null;
      detail: string | null;
      /**
       * @description Why a 401 was answered; kept for the tenant's eyes only, never in the response.
       * @enum {string|null}
       */
      authFailure:
        | 'no_token'
        | 'malformed'
        | 'unknown'
        | 'revoked'
        | 'expired'
        | 'wrong_tenant'
        | 'tenant_disabled'
        | null;
      /**
       * @description The kind of failure.
       * @enum {string|null}
       */
      errorCode:
        | 'user_not_found'
        | 'group_not_found'
        | 'seat_limit_reached'
        | 'user_name_taken'
        | 'display_name_taken'
        | 'token_revoked'
        | 'token_expired'
        | 'token_missing'
        | 'token_unknown'
        | 'token_of_another_tenant'
        | 'tenant_disabled'
        | 'scim_disabled'
        | 'rate_limited'
        | 'too_many_failed_authentications'
        | 'invalid_path'
        | 'invalid_value'
        | 'no_target'
        | 'read_only'
        | 'invalid_filter'
        | 'invalid_request'
        | 'unknown_endpoint'
        | null;
      /** @description What the tenant admin can do about it. */
      hint: string | null;
    };
    ActivityPageDto: {
      items: components['schemas']['ActivityEntryDto'][];
      /** @description Pass as `cursor` for older entries. */
      nextCursor: string | null;
    };
    ActivityEntryDetailDto: {
      /** Format: uuid */
      id: string;
      /**
       * Format: date-time
       * @description When the request arrived (a tally: its first).
       */
      at: string;
      /** @description true: a per-minute tally of requests that are counted rather than listed (unauthenticated requests per reason and client address; successful reads unless ACTIVITY_READS=all). */
      aggregated: boolean;
      /** @description Requests the entry stands for: 1, or the tally. */
      count: number;
      /**
       * Format: date-time
       * @description The last request counted (= at when count is 1).
       */
      lastAt: string;
      /** @description X-Request-Id of the request. */
      requestId: string | null;
      /** @description Milliseconds to answer (a tally: the longest). */
      durationMs: number;
      /** @enum {string} */
      client: 'okta' | 'entra' | 'onelogin' | 'jumpcloud' | 'other';
      /** @description The raw User-Agent. */
      userAgent: string | null;
      clientAddress: string | null;
      /** @description The prefix of the token used. */
      tokenPrefix: string | null;
      /** @example PATCH */
      method: string;
      /**
       * @description The route below the SCIM base URL; null when no route matched (404, 405).
       * @example /Users/:id
       */
      route: string | null;
      /** @example User */
      resourceType: string | null;
      resourceId: string | null;
      /** @description The userName or displayName concerned. */
      userName: string | null;
      /** @description PATCH: ops and paths only. */
      operations: components['schemas']['OperationSummaryDto'][] | null;
      /** @example 409 */
      status: number;
      /** @example uniqueness */
      scimType: string | null;
      detail: string | null;
      /**
       * @description Why a 401 was answered; kept for the tenant's eyes only, never in the response.
       * @enum {string|null}
       */
      authFailure:
        | 'no_token'
        | 'malformed'
        | 'unknown'
        | 'revoked'
        | 'expired'
        | 'wrong_tenant'
        | 'tenant_disabled'
        | null;
      /**
       * @description The kind of failure.
       * @enum {string|null}
       */
      errorCode:
        | 'user_not_found'
        | 'group_not_found'
        | 'seat_limit_reached'
        | 'user_name_taken'
        | 'display_name_taken'
        | 'token_revoked'
        | 'token_expired'
        | 'token_missing'
        | 'token_unknown'
        | 'token_of_another_tenant'
        | 'tenant_disabled'
        | 'scim_disabled'
        | 'rate_limited'
        | 'too_many_failed_authentications'
        | 'invalid_path'
        | 'invalid_value'
        | 'no_target'
        | 'read_only'
        | 'invalid_filter'
        | 'invalid_request'
        | 'unknown_endpoint'
        | null;
      /** @description What the tenant admin can do about it. */
      hint: string | null;
      /** @description The query string, decoded. */
      query: string | null;
      /** @description The Content-Type request header. */
      contentType: string | null;
      /** @description The request body as JSON text without password (ACTIVITY_BODIES); null when not kept or none. */
      requestBody: string | null;
      /** @description The body was longer than ACTIVITY_BODY_MAX_BYTES and is cut there. */
      requestBodyTruncated: boolean;
      /** @description The SCIM error answered, for a failure. */
      responseBody: string | null;
      responseBodyTruncated: boolean;
    };
    RequestSeenDto: {
      /** Format: date-time */
      at: string;
      /** @enum {string} */
      client: 'okta' | 'entra' | 'onelogin' | 'jumpcloud' | 'other';
    };
    LastRequestDto: {
      /** Format: date-time */
      at: string;
      /** @enum {string} */
      client: 'okta' | 'entra' | 'onelogin' | 'jumpcloud' | 'other';
      status: number;
    };
    LastFailureDto: {
      /** Format: date-time */
      at: string;
      /** @enum {string} */
      client: 'okta' | 'entra' | 'onelogin' | 'jumpcloud' | 'other';
      status: number;
      detail: string | null;
      hint: string | null;
      /**
       * Format: uuid
       * @description Its entry, while kept.
       */
      entryId: string | null;
    };
    RequestRateDto: {
      requests: number;
      errors: number;
      /**
       * @description errors / requests, 0 without requests.
       * @example 0.02
       */
      errorRate: number;
    };
    LastTokenDto: {
      /** Format: uuid */
      id: string;
      /** @example rcs_AbCdEfGh */
      prefix: string | null;
      description: string | null;
      /** Format: date-time */
      usedAt: string;
    };
    ConnectionDto: {
      /** @description An authenticated request has succeeded at least once. */
      connected: boolean;
      firstRequest: components['schemas']['RequestSeenDto'] | null;
      lastRequest: components['schemas']['LastRequestDto'] | null;
      lastSuccess: components['schemas']['RequestSeenDto'] | null;
      lastFailure: components['schemas']['LastFailureDto'] | null;
      /** @description From the per-minute totals of the last 60 minutes. */
      lastHour: components['schemas']['RequestRateDto'];
      /** @description From the per-minute totals of the last 24 hours. */
      last24Hours: components['schemas']['RequestRateDto'];
      /** @description The token that authenticated last. */
      lastToken: components['schemas']['LastTokenDto'] | null;
    };
    LandingDto: {
      /** @example Rollcall */
      name: string;
      description: string;
      /**
       * @description Swagger UI
       * @example http://localhost:3000/docs
       */
      docs: string;
      /** @example http://localhost:3000/openapi.json */
      openapi: string;
      /** @example http://localhost:3000/health/ready */
      health: string;
      /**
       * @description A tenant's SCIM base URL
       * @example http://localhost:3000/scim/v2/{tenantId}
       */
      scim: string;
    };
    CreatePortalLinkDto: {
      /**
       * @description How long the link can be redeemed, in seconds; default 300. It works once.
       * @example 300
       */
      ttlSeconds?: number;
      /**
       * @description Where the portal's “Back” link leads: a page of your product. Its origin must be one of PORTAL_RETURN_ORIGINS, or the request is refused (400).
       * @example https://app.example.com/settings/scim
       */
      returnUrl?: string;
    };
    PortalLinkDto: {
      /**
       * @description Hand this to the tenant's admin (open it, or show a button to it). Opening it shows a page with a Continue button, so link scanners that fetch it do not use it up.
       * @example https://scim.example.com/portal/link/4qH1c2…
       */
      url: string;
      /**
       * Format: date-time
       * @description After this the link no longer works.
       */
      expiresAt: string;
    };
    /** @description User Account (urn:ietf:params:scim:schemas:core:2.0:User); attribute names are case-insensitive. */
    ScimUser: {
      /**
       * @example [
       *       "urn:ietf:params:scim:schemas:core:2.0:User"
       *     ]
       */
      schemas: string[];
      /** @description Unique identifier for the resource, assigned by the service provider. */
      readonly id?: string;
      /** @description An identifier for the resource as defined by the provisioning client. */
      externalId?: string;
      /** @description Resource metadata, maintained by the service provider. */
      readonly meta?: {
        /** @description The name of the resource type of the resource. */
        readonly resourceType?: string;
        /**
         * Format: date-time
         * @description When the resource was added to the service provider.
         */
        readonly created?: string;
        /**
         * Format: date-time
         * @description When the resource was last updated.
         */
        readonly lastModified?: string;
        /**
         * Format: uri
         * @description The URI of the resource.
         */
        readonly location?: string;
        /** @description The version (ETag) of the resource. */
        readonly version?: string;
      };
      /** @description Unique identifier for the User, typically used to sign in. Required. */
      userName: string;
      /** @description The components of the user's real name. */
      name?: {
        /** @description The full name, including all middle names, titles, and suffixes, formatted for display. */
        formatted?: string;
        /** @description The family name of the User, or last name. */
        familyName?: string;
        /** @description The given name of the User, or first name. */
        givenName?: string;
        /** @description The middle name(s) of the User. */
        middleName?: string;
        /** @description The honorific prefix(es) of the User, or title. */
        honorificPrefix?: string;
        /** @description The honorific suffix(es) of the User, or suffix. */
        honorificSuffix?: string;
      };
      /** @description The name of the User, suitable for display to end-users. */
      displayName?: string;
      /** @description The casual way to address the user in real life. */
      nickName?: string;
      /**
       * Format: uri
       * @description A fully qualified URL pointing to a page representing the User's online profile.
       */
      profileUrl?: string;
      /** @description The user's title, such as "Vice President". */
      title?: string;
      /** @description The relationship between the organization and the user. */
      userType?: string;
      /** @description The User's preferred written or spoken language (RFC 7231 Accept-Language). */
      preferredLanguage?: string;
      /** @description The User's default location for localization, e.g. en-US. */
      locale?: string;
      /** @description The User's time zone in IANA format, e.g. America/Los_Angeles. */
      timezone?: string;
      /** @description The User's administrative status: false deactivates the User. */
      active?: boolean;
      /** @description The User's cleartext password, write-only: stored only as a salted hash. */
      password?: string;
      /** @description Email addresses for the user. */
      emails?: {
        /** @description The value of the emails entry. */
        value?: string;
        /** @description A human-readable name, primarily used for display purposes. */
        display?: string;
        /**
         * @description A label indicating the emails entry's function.
         * @example work
         */
        type?: string;
        /** @description Whether this is the primary emails entry; at most one is primary. */
        primary?: boolean;
      }[];
      /** @description Phone numbers for the User. */
      phoneNumbers?: {
        /** @description The value of the phoneNumbers entry. */
        value?: string;
        /** @description A human-readable name, primarily used for display purposes. */
        display?: string;
        /**
         * @description A label indicating the phoneNumbers entry's function.
         * @example work
         */
        type?: string;
        /** @description Whether this is the primary phoneNumbers entry; at most one is primary. */
        primary?: boolean;
      }[];
      /** @description Instant messaging addresses for the User. */
      ims?: {
        /** @description The value of the ims entry. */
        value?: string;
        /** @description A human-readable name, primarily used for display purposes. */
        display?: string;
        /**
         * @description A label indicating the ims entry's function.
         * @example aim
         */
        type?: string;
        /** @description Whether this is the primary ims entry; at most one is primary. */
        primary?: boolean;
      }[];
      /** @description URLs of images of the User. */
      photos?: {
        /**
         * Format: uri
         * @description The value of the photos entry.
         */
        value?: string;
        /** @description A human-readable name, primarily used for display purposes. */
        display?: string;
        /**
         * @description A label indicating the photos entry's function.
         * @example photo
         */
        type?: string;
        /** @description Whether this is the primary photos entry; at most one is primary. */
        primary?: boolean;
      }[];
      /** @description A physical mailing address for this User. */
      addresses?: {
        /** @description The full mailing address, formatted for display. */
        formatted?: string;
        /** @description The full street address component. */
        streetAddress?: string;
        /** @description The city or locality component. */
        locality?: string;
        /** @description The state or region component. */
        region?: string;
        /** @description The zip code or postal code component. */
        postalCode?: string;
        /** @description The country name component (ISO 3166-1 alpha-2). */
        country?: string;
        /** @description A human-readable name, primarily used for display purposes. */
        display?: string;
        /**
         * @description A label indicating the addresses entry's function.
         * @example work
         */
        type?: string;
        /** @description Whether this is the primary addresses entry; at most one is primary. */
        primary?: boolean;
      }[];
      /** @description The Groups the user belongs to, directly or through nested groups. Changed through the Group resource. */
      readonly groups?: {
        /** @description The id of the Group. */
        readonly value?: string;
        /**
         * Format: uri
         * @description The URI of the Group.
         */
        readonly $ref?: string;
        /** @description The Group's displayName. */
        readonly display?: string;
        /**
         * @description direct, or indirect through a nested group.
         * @example direct
         */
        readonly type?: string;
      }[];
      /** @description A list of entitlements for the User. */
      entitlements?: {
        /** @description The value of the entitlements entry. */
        value?: string;
        /** @description A human-readable name, primarily used for display purposes. */
        display?: string;
        /** @description A label indicating the entitlements entry's function. */
        type?: string;
        /** @description Whether this is the primary entitlements entry; at most one is primary. */
        primary?: boolean;
      }[];
      /** @description A list of roles for the User. */
      roles?: {
        /** @description The value of the roles entry. */
        value?: string;
        /** @description A human-readable name, primarily used for display purposes. */
        display?: string;
        /** @description A label indicating the roles entry's function. */
        type?: string;
        /** @description Whether this is the primary roles entry; at most one is primary. */
        primary?: boolean;
      }[];
      /** @description A list of certificates issued to the User. */
      x509Certificates?: {
        /**
         * Format: byte
         * @description The value of the x509Certificates entry.
         */
        value?: string;
        /** @description A human-readable name, primarily used for display purposes. */
        display?: string;
        /** @description A label indicating the x509Certificates entry's function. */
        type?: string;
        /** @description Whether this is the primary x509Certificates entry; at most one is primary. */
        primary?: boolean;
      }[];
      /** @description Enterprise User */
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'?: {
        /** @description Numeric or alphanumeric identifier assigned to a person. */
        employeeNumber?: string;
        /** @description Identifies the name of a cost center. */
        costCenter?: string;
        /** @description Identifies the name of an organization. */
        organization?: string;
        /** @description Identifies the name of a division. */
        division?: string;
        /** @description Identifies the name of a department. */
        department?: string;
        /** @description The User's manager. */
        manager?: {
          /** @description The id of the SCIM resource representing the User's manager. */
          value?: string;
          /**
           * Format: uri
           * @description The URI of the SCIM resource representing the User's manager.
           */
          $ref?: string;
          /** @description The displayName of the User's manager. */
          readonly displayName?: string;
        };
      };
      /** @description The seat of the tenant's plan that an active User holds */
      'urn:rollcall:params:scim:schemas:extension:seat:2.0:User'?: {
        /**
         * @description invited when assigned, claimed after the first sign-in, released when given back.
         * @example invited
         */
        readonly status?: string;
        /** @description What the product allocates to this seat, e.g. 50 GB of storage. */
        quota?: {
          /** @description The size of the quota. */
          amount?: number;
          /** @description The unit of the quota, e.g. GB. */
          unit?: string;
        };
        /**
         * Format: date-time
         * @description When the seat was last assigned to the User.
         */
        readonly assignedAt?: string;
        /**
         * Format: date-time
         * @description When the product reported the User's first sign-in.
         */
        readonly claimedAt?: string;
        /**
         * Format: date-time
         * @description When the seat was given back.
         */
        readonly releasedAt?: string;
      };
    };
    ScimUserListResponse: {
      /**
       * @example [
       *       "urn:ietf:params:scim:api:messages:2.0:ListResponse"
       *     ]
       */
      schemas: string[];
      totalResults: number;
      startIndex?: number;
      itemsPerPage?: number;
      Resources?: components['schemas']['ScimUser'][];
    };
    /** @description Group (urn:ietf:params:scim:schemas:core:2.0:Group); attribute names are case-insensitive. */
    ScimGroup: {
      /**
       * @example [
       *       "urn:ietf:params:scim:schemas:core:2.0:Group"
       *     ]
       */
      schemas: string[];
      /** @description Unique identifier for the resource, assigned by the service provider. */
      readonly id?: string;
      /** @description An identifier for the resource as defined by the provisioning client. */
      externalId?: string;
      /** @description Resource metadata, maintained by the service provider. */
      readonly meta?: {
        /** @description The name of the resource type of the resource. */
        readonly resourceType?: string;
        /**
         * Format: date-time
         * @description When the resource was added to the service provider.
         */
        readonly created?: string;
        /**
         * Format: date-time
         * @description When the resource was last updated.
         */
        readonly lastModified?: string;
        /**
         * Format: uri
         * @description The URI of the resource.
         */
        readonly location?: string;
        /** @description The version (ETag) of the resource. */
        readonly version?: string;
      };
      /** @description A human-readable name for the Group. Required, unique per tenant. */
      displayName: string;
      /** @description A list of members of the Group: Users or Groups of the same tenant. */
      members?: {
        /** @description Identifier of the member of this Group. */
        value?: string;
        /**
         * Format: uri
         * @description The URI of the member resource.
         */
        $ref?: string;
        /**
         * @description The type of the member.
         * @example User
         */
        type?: string;
        /** @description The member's userName or displayName. */
        readonly display?: string;
      }[];
    };
    ScimGroupListResponse: {
      /**
       * @example [
       *       "urn:ietf:params:scim:api:messages:2.0:ListResponse"
       *     ]
       */
      schemas: string[];
      totalResults: number;
      startIndex?: number;
      itemsPerPage?: number;
      Resources?: components['schemas']['ScimGroup'][];
    };
    ScimListResponse: {
      /**
       * @example [
       *       "urn:ietf:params:scim:api:messages:2.0:ListResponse"
       *     ]
       */
      schemas: string[];
      totalResults: number;
      startIndex?: number;
      itemsPerPage?: number;
      Resources?: (components['schemas']['ScimUser'] | components['schemas']['ScimGroup'])[];
    };
    ScimServiceProviderConfig: {
      schemas: string[];
      /** Format: uri */
      documentationUri?: string;
      patch: {
        supported: boolean;
      };
      bulk: {
        supported: boolean;
        maxOperations: number;
        maxPayloadSize: number;
      };
      filter: {
        supported: boolean;
        maxResults: number;
      };
      changePassword: {
        supported: boolean;
      };
      sort: {
        supported: boolean;
      };
      etag: {
        supported: boolean;
      };
      authenticationSchemes: {
        /** @example oauthbearertoken */
        type: string;
        name: string;
        description: string;
        /** Format: uri */
        specUri?: string;
        /** Format: uri */
        documentationUri?: string;
        primary?: boolean;
      }[];
      meta?: {
        resourceType?: string;
        /** Format: uri */
        location?: string;
      };
    };
    ScimSchema: {
      schemas?: string[];
      /** @example urn:ietf:params:scim:schemas:core:2.0:User */
      id: string;
      name?: string;
      description?: string;
      attributes: Record<string, never>[];
      meta?: {
        resourceType?: string;
        /** Format: uri */
        location?: string;
      };
    };
    ScimSchemaListResponse: {
      /**
       * @example [
       *       "urn:ietf:params:scim:api:messages:2.0:ListResponse"
       *     ]
       */
      schemas: string[];
      totalResults: number;
      startIndex?: number;
      itemsPerPage?: number;
      Resources?: components['schemas']['ScimSchema'][];
    };
    ScimResourceType: {
      schemas?: string[];
      id?: string;
      /** @example User */
      name: string;
      /** @example /Users */
      endpoint: string;
      description?: string;
      schema: string;
      schemaExtensions?: {
        schema: string;
        required: boolean;
      }[];
      meta?: {
        resourceType?: string;
        /** Format: uri */
        location?: string;
      };
    };
    ScimResourceTypeListResponse: {
      /**
       * @example [
       *       "urn:ietf:params:scim:api:messages:2.0:ListResponse"
       *     ]
       */
      schemas: string[];
      totalResults: number;
      startIndex?: number;
      itemsPerPage?: number;
      Resources?: components['schemas']['ScimResourceType'][];
    };
    ScimPatchOp: {
      /**
       * @example [
       *       "urn:ietf:params:scim:api:messages:2.0:PatchOp"
       *     ]
       */
      schemas: string[];
      Operations: {
        /**
         * @description Any case is accepted.
         * @enum {string}
         */
        op: 'add' | 'remove' | 'replace';
        /** @example emails[type eq "work"].value */
        path?: string;
        /** @description Any JSON value */
        value?: unknown;
      }[];
    };
    ScimSearchRequest: {
      /**
       * @example [
       *       "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
       *     ]
       */
      schemas?: string[];
      filter?: string;
      sortBy?: string;
      /** @enum {string} */
      sortOrder?: 'ascending' | 'descending';
      startIndex?: number;
      count?: number;
      attributes?: string[];
      excludedAttributes?: string[];
    };
    ScimBulkRequest: {
      /**
       * @example [
       *       "urn:ietf:params:scim:api:messages:2.0:BulkRequest"
       *     ]
       */
      schemas: string[];
      /** @description Errors after which the remaining operations are not run. */
      failOnErrors?: number;
      Operations: {
        /** @enum {string} */
        method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        /** @description Required with POST; "bulkId:<bulkId>" elsewhere stands for the id it creates. */
        bulkId?: string;
        /**
         * @description If-Match for PUT, PATCH and DELETE.
         * @example W/"3"
         */
        version?: string;
        /** @example /Users */
        path: string;
        /** @description The body the request would have alone: a User, a Group or a PatchOp. */
        data?: Record<string, never>;
      }[];
    };
    ScimBulkResponse: {
      /**
       * @example [
       *       "urn:ietf:params:scim:api:messages:2.0:BulkResponse"
       *     ]
       */
      schemas?: string[];
      /** @description One entry per operation run, in request order. */
      Operations?: {
        method: string;
        bulkId?: string;
        /** @example W/"1" */
        version?: string;
        /** Format: uri */
        location?: string;
        /** @example 201 */
        status: string;
        /** @description The SCIM error, when it failed. */
        response?: components['schemas']['ScimError'];
      }[];
    };
    ScimError: {
      schemas: 'urn:ietf:params:scim:api:messages:2.0:Error'[];
      /**
       * @description The HTTP status, as a string (RFC 7644 §3.12).
       * @example 400
       */
      status: string;
      /**
       * @example invalidValue
       * @enum {string}
       */
      scimType?:
        | 'invalidFilter'
        | 'tooMany'
        | 'uniqueness'
        | 'mutability'
        | 'invalidSyntax'
        | 'invalidPath'
        | 'noTarget'
        | 'invalidValue'
        | 'invalidVers'
        | 'sensitive';
      /** @example userName is required */
      detail: string;
    };
    /** @description An admin API error: RFC 9457 problem details. */
    ProblemDetails: {
      /**
       * @description What kind of problem: about:blank (the status says it all), or one of urn:rollcall:problem:validation, urn:rollcall:problem:invalid-value, urn:rollcall:problem:conflict, urn:rollcall:problem:seat-limit-reached.
       * @example urn:rollcall:problem:validation
       */
      type: string;
      /** @example The request is not valid */
      title: string;
      /** @example 400 */
      status: number;
      /** @example seatLimit must not be less than 0 */
      detail: string;
      /** @description A refused request: each field refused, named by its path in the body or query. */
      errors?: {
        /** @example seatLimit */
        field: string;
        /** @example seatLimit must not be less than 0 */
        detail: string;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  TenantsController_list: {
    parameters: {
      query?: {
        /** @description Items per page, 1–500 (default 50). */
        limit?: number;
        /** @description The nextCursor of the previous page; absent: the first page. */
        cursor?: string;
        /** @description Only the tenant with this externalId (an empty page when none has it). */
        externalId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TenantPageDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  TenantsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTenantDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TenantDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The value conflicts with an existing one */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  TenantsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TenantDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  TenantsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  TenantsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateTenantDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TenantDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The value conflicts with an existing one */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  TenantsController_listTokens: {
    parameters: {
      query?: {
        /** @description Items per page, 1–500 (default 50). */
        limit?: number;
        /** @description The nextCursor of the previous page; absent: the first page. */
        cursor?: string;
      };
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenPageDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  TenantsController_issueToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateTokenDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedTokenDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  TenantsController_revokeToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
        tokenId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  DiscoveryController_serviceProviderConfig: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimServiceProviderConfig'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The path does not answer this method (Allow lists those it does) */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  DiscoveryController_schemas: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimSchemaListResponse'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The path does not answer this method (Allow lists those it does) */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  DiscoveryController_schema: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: unknown;
        schemaId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimSchema'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The path does not answer this method (Allow lists those it does) */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  DiscoveryController_resourceTypes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimResourceTypeListResponse'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The path does not answer this method (Allow lists those it does) */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  DiscoveryController_resourceType: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: unknown;
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimResourceType'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The path does not answer this method (Allow lists those it does) */
      405: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        /** @description A SCIM filter, e.g. userName eq "jane@acme.com". */
        filter?: unknown;
        sortBy?: unknown;
        sortOrder?: 'ascending' | 'descending';
        /** @description 1-based index of the first result. */
        startIndex?: number;
        /** @description Page size: 100 by default, at most 1000; 0 returns only totalResults. */
        count?: number;
        /** @description Comma-separated attributes to return (RFC 7644 §3.4.2.5). */
        attributes?: unknown;
        /** @description Comma-separated attributes to leave out. */
        excludedAttributes?: unknown;
      };
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimUserListResponse'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: {
        /** @description Comma-separated attributes to return (RFC 7644 §3.4.2.5). */
        attributes?: unknown;
        /** @description Comma-separated attributes to leave out. */
        excludedAttributes?: unknown;
      };
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/scim+json': components['schemas']['ScimUser'];
        'application/json': components['schemas']['ScimUser'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimUser'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The value conflicts with an existing one */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  UsersController_search: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/scim+json': components['schemas']['ScimSearchRequest'];
        'application/json': components['schemas']['ScimSearchRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimUserListResponse'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  UsersController_get: {
    parameters: {
      query?: {
        /** @description Comma-separated attributes to return (RFC 7644 §3.4.2.5). */
        attributes?: unknown;
        /** @description Comma-separated attributes to leave out. */
        excludedAttributes?: unknown;
      };
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimUser'];
        };
      };
      /** @description Not modified: If-None-Match names the current version */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  UsersController_replace: {
    parameters: {
      query?: {
        /** @description Comma-separated attributes to return (RFC 7644 §3.4.2.5). */
        attributes?: unknown;
        /** @description Comma-separated attributes to leave out. */
        excludedAttributes?: unknown;
      };
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/scim+json': components['schemas']['ScimUser'];
        'application/json': components['schemas']['ScimUser'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimUser'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The value conflicts with an existing one */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  UsersController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  UsersController_patch: {
    parameters: {
      query?: {
        /** @description Comma-separated attributes to return (RFC 7644 §3.4.2.5). */
        attributes?: unknown;
        /** @description Comma-separated attributes to leave out. */
        excludedAttributes?: unknown;
      };
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/scim+json': components['schemas']['ScimPatchOp'];
        'application/json': components['schemas']['ScimPatchOp'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimUser'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The value conflicts with an existing one */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  SeatsController_overview: {
    parameters: {
      query?: {
        /** @description Items per page, 1–500 (default 50). */
        limit?: number;
        /** @description The nextCursor of the previous page; absent: the first page. */
        cursor?: string;
      };
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SeatsOverviewDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SeatsController_history: {
    parameters: {
      query?: {
        /** @description Items per page, 1–500 (default 50). */
        limit?: number;
        /** @description The nextCursor of the previous page; absent: the first page. */
        cursor?: string;
      };
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SeatHistoryPageDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SeatsController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSeatDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SeatDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SeatsController_claim: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SeatDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The value conflicts with an existing one */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_feed: {
    parameters: {
      query?: {
        /** @description A sequence number (nextCursor of the previous page); absent: from the oldest event held. A cursor older than the events retention has kept answers 410. */
        after?: string;
        /** @description Events per page, 1–1000 (default 100). */
        limit?: number;
      };
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EventPageDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description What the cursor asks for is no longer held (events retention) */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_listWebhooks: {
    parameters: {
      query?: {
        /** @description Items per page, 1–500 (default 50). */
        limit?: number;
        /** @description The nextCursor of the previous page; absent: the first page. */
        cursor?: string;
      };
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookPageDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_createWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWebhookDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedWebhookDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_getWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_removeWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_updateWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateWebhookDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_resumeWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_replayWebhook: {
    parameters: {
      query: {
        /** @description The first sequence to deliver again. */
        fromSequence: string;
      };
      header?: never;
      path: {
        tenantId: string;
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReplayDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description What the cursor asks for is no longer held (events retention) */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_rotateSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RotateSecretDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RotatedSecretDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_testWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TestDeliveryDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  EventsController_deliveries: {
    parameters: {
      query?: {
        /** @description Items per page, 1–500 (default 50). */
        limit?: number;
        /** @description The nextCursor of the previous page; absent: the first page. */
        cursor?: string;
      };
      header?: never;
      path: {
        tenantId: string;
        webhookId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeliveryPageDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  GroupsController_list: {
    parameters: {
      query?: {
        /** @description A SCIM filter, e.g. userName eq "jane@acme.com". */
        filter?: unknown;
        sortBy?: unknown;
        sortOrder?: 'ascending' | 'descending';
        /** @description 1-based index of the first result. */
        startIndex?: number;
        /** @description Page size: 100 by default, at most 1000; 0 returns only totalResults. */
        count?: number;
        /** @description Comma-separated attributes to return (RFC 7644 §3.4.2.5). */
        attributes?: unknown;
        /** @description Comma-separated attributes to leave out. */
        excludedAttributes?: unknown;
      };
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimGroupListResponse'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  GroupsController_create: {
    parameters: {
      query?: {
        /** @description Comma-separated attributes to return (RFC 7644 §3.4.2.5). */
        attributes?: unknown;
        /** @description Comma-separated attributes to leave out. */
        excludedAttributes?: unknown;
      };
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/scim+json': components['schemas']['ScimGroup'];
        'application/json': components['schemas']['ScimGroup'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimGroup'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The value conflicts with an existing one */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  GroupsController_search: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/scim+json': components['schemas']['ScimSearchRequest'];
        'application/json': components['schemas']['ScimSearchRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimGroupListResponse'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  GroupsController_get: {
    parameters: {
      query?: {
        /** @description Comma-separated attributes to return (RFC 7644 §3.4.2.5). */
        attributes?: unknown;
        /** @description Comma-separated attributes to leave out. */
        excludedAttributes?: unknown;
      };
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimGroup'];
        };
      };
      /** @description Not modified: If-None-Match names the current version */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  GroupsController_replace: {
    parameters: {
      query?: {
        /** @description Comma-separated attributes to return (RFC 7644 §3.4.2.5). */
        attributes?: unknown;
        /** @description Comma-separated attributes to leave out. */
        excludedAttributes?: unknown;
      };
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/scim+json': components['schemas']['ScimGroup'];
        'application/json': components['schemas']['ScimGroup'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimGroup'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The value conflicts with an existing one */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  GroupsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  GroupsController_patch: {
    parameters: {
      query?: {
        /** @description Comma-separated attributes to return (RFC 7644 §3.4.2.5). */
        attributes?: unknown;
        /** @description Comma-separated attributes to leave out. */
        excludedAttributes?: unknown;
      };
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/scim+json': components['schemas']['ScimPatchOp'];
        'application/json': components['schemas']['ScimPatchOp'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimGroup'];
        };
      };
      /** @description Applied */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The value conflicts with an existing one */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description If-Match names a version that is no longer current */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  BulkController_run: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/scim+json': components['schemas']['ScimBulkRequest'];
        'application/json': components['schemas']['ScimBulkRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimBulkResponse'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  RootSearchController_searchAll: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The tenant's id, as in its scimBaseUrl */
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/scim+json': components['schemas']['ScimSearchRequest'];
        'application/json': components['schemas']['ScimSearchRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimListResponse'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  MeController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Not implemented */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  MeController_replace: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Not implemented */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  MeController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Not implemented */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  MeController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Not implemented */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  MeController_patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: unknown;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Authenticated but not allowed */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description Not implemented */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/scim+json': components['schemas']['ScimError'];
        };
      };
    };
  };
  ActivityController_list: {
    parameters: {
      query?: {
        /** @description Items per page, 1–500 (default 50). */
        limit?: number;
        /** @description The nextCursor of the previous page; absent: the first page. */
        cursor?: string;
        /** @description error: status 400 or more. */
        outcome?: 'error' | 'success';
        /** @description The HTTP status answered. */
        status?: number;
        /** @description The id of the User or Group the request named or created. */
        resourceId?: string;
        /** @description The userName or displayName concerned, whatever its case. */
        userName?: string;
        /** @description The client, recognised from User-Agent. */
        client?: 'okta' | 'entra' | 'onelogin' | 'jumpcloud' | 'other';
        /** @description Entries at or after this time. */
        since?: string;
        /** @description Entries before this time. */
        until?: string;
      };
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityPageDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ActivityController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
        entryId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivityEntryDetailDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ActivityController_connection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectionDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example ok */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example error */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example ok */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example error */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  LandingController_landing: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LandingDto'];
        };
      };
    };
  };
  PortalLinksController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        tenantId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePortalLinkDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortalLinkDto'];
        };
      };
      /** @description The request is not valid (a field, a query parameter or the JSON itself) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No valid bearer token (WWW-Authenticate: Bearer) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No such resource */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is over 1 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The request body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests; retry after Retry-After seconds */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description An unexpected error, logged with its request id (a bug: please report it) */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The database is unavailable or busy; retry after Retry-After seconds */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
}
