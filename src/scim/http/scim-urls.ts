/** A tenant's SCIM base URL: what its identity provider is given, and the root of every location. */
export function scimBaseUrl(publicUrl: string, tenantId: string): string {
  return `${publicUrl}/scim/v2/${tenantId}`;
}

/** Where one resource lives (`meta.location`, `$ref`): `{scimBaseUrl}{endpoint}/{id}`, e.g. `/Users/{id}`. */
export function resourceLocation(publicUrl: string, tenantId: string, endpoint: string, id: string): string {
  return `${scimBaseUrl(publicUrl, tenantId)}${endpoint}/${id}`;
}
