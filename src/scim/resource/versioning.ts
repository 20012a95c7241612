import { ScimError } from '../errors/scim-error';

/** A resource's ETag and meta.version (RFC 7644 §3.14): weak, from its row version. */
export function etagOf(version: number): string {
  return `W/"${version}"`;
}

function listed(header: string, version: number): boolean {
  const own = etagOf(version);
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === own || t === `"${version}"`;
  });
}

/** If-Match on PUT, PATCH and DELETE: a stale version answers 412 and changes nothing. */
export function checkIfMatch(header: string | undefined, version: number): void {
  if (header !== undefined && header.trim() !== '' && !listed(header, version)) {
    throw new ScimError(412, `The resource has changed: its version is ${etagOf(version)}`);
  }
}

/** If-None-Match on GET: true when the client already has this version (answer 304). */
export function notModified(header: string | undefined, version: number): boolean {
  return header !== undefined && header.trim() !== '' && listed(header, version);
}

export interface ResourceMeta {
  resourceType: string;
  created: string;
  lastModified: string;
  location: string;
  version: string;
}
