/** The identity providers the activity log and the portal name; anything else is `other`. */
export const CLIENT_KINDS = ['okta', 'entra', 'onelogin', 'jumpcloud', 'other'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

/**
 * How each provider's SCIM client introduces itself in `User-Agent`: Okta sends "Okta SCIM Client
 * 1.0.0", Entra "Microsoft Azure AD SCIM provisioning …" (older) or names Entra or AAD; OneLogin and
 * JumpCloud name themselves. Checked in order; the raw value is kept beside the kind.
 */
const SIGNATURES: Array<[RegExp, ClientKind]> = [
  [/\bokta\b/i, 'okta'],
  [/azure[ -]?ad|\baad\b|\bentra\b|microsoft/i, 'entra'],
  [/onelogin/i, 'onelogin'],
  [/jumpcloud/i, 'jumpcloud'],
];

export function recogniseClient(userAgent: string | undefined): ClientKind {
  if (!userAgent) return 'other';
  return SIGNATURES.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'other';
}
