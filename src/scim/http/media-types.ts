/** RFC 7644 §3.1: SCIM messages are `application/scim+json`; plain `application/json` is accepted too. */
export const SCIM_MEDIA_TYPE = 'application/scim+json';
/** The media types read as JSON bodies: `application/json`, `application/scim+json`, any `application/*+json`. */
export const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/;
/** Request bodies above this size are refused with 413; ServiceProviderConfig publishes it. */
export const MAX_BODY_BYTES = 1024 * 1024;
