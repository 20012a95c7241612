import { recogniseClient } from './client-recognition';
import { keptBody, keptText, REDACTED } from './kept-text';

describe('keptBody', () => {
  it('leaves out every password: by name, by URN, by dotted path, and as the value of a PATCH on it', () => {
    const body = {
      userName: 'jane',
      password: 'a',
      Password: 'b',
      'urn:ietf:params:scim:schemas:core:2.0:User:password': 'c',
      nested: [{ password: 'd' }, { 'name.password': 'e' }],
      Operations: [
        { op: 'replace', path: 'password', value: 'f' },
        { op: 'Replace', Path: ' urn:ietf:params:scim:schemas:core:2.0:User:password', Value: 'g' },
        { op: 'replace', path: 'passwordHint', value: 'kept' },
      ],
    };
    const kept = keptBody(body, 16_384);
    expect(kept.truncated).toBe(false);
    expect(JSON.parse(kept.text)).toEqual({
      userName: 'jane',
      password: REDACTED,
      Password: REDACTED,
      'urn:ietf:params:scim:schemas:core:2.0:User:password': REDACTED,
      nested: [{ password: REDACTED }, { 'name.password': REDACTED }],
      Operations: [
        { op: 'replace', path: 'password', value: REDACTED },
        { op: 'Replace', Path: ' urn:ietf:params:scim:schemas:core:2.0:User:password', Value: REDACTED },
        { op: 'replace', path: 'passwordHint', value: 'kept' },
      ],
    });
    expect(kept.text).not.toMatch(/"[a-g]"/);
  });

  it('cuts at the byte limit on a character boundary and says so; under it, keeps the JSON whole', () => {
    const body = { displayName: 'é'.repeat(100) };
    const whole = JSON.stringify(body);
    expect(keptBody(body, Buffer.byteLength(whole))).toEqual({ text: whole, truncated: false });
    const cut = keptBody(body, 51);
    expect(cut.truncated).toBe(true);
    expect(Buffer.byteLength(cut.text)).toBeLessThanOrEqual(51);
    expect(whole.startsWith(cut.text)).toBe(true);
    expect(cut.text).not.toContain('\ufffd');
    // A megabyte is not written out to keep 256 bytes of it.
    const huge = { members: Array.from({ length: 200_000 }, (_, i) => ({ value: `member-${i}` })) };
    expect(keptBody(huge, 256).text.length).toBeLessThanOrEqual(256);
  });
});

describe('keptText', () => {
  it('replaces what PostgreSQL cannot store and caps the length', () => {
    expect(keptText('a\u0000b\ud800c\udc00d\ud83d\ude00', 100)).toBe('a\ufffdb\ufffdc\ufffdd\ud83d\ude00');
    expect(keptText('x'.repeat(10), 4)).toBe('xxxx');
    expect(keptText(42, 10)).toBeNull();
  });
});

describe('recogniseClient', () => {
  it.each([
    ['Okta SCIM Client 1.0.0', 'okta'],
    ['okta/2024.10 (SCIM)', 'okta'],
    ['Microsoft Azure AD SCIM provisioning 1.0.0', 'entra'],
    ['Azure-AD-Provisioning/1.0', 'entra'],
    ['Microsoft Entra ID SCIM', 'entra'],
    ['OneLogin SCIM', 'onelogin'],
    ['JumpCloud-SCIM/1.2', 'jumpcloud'],
    ['curl/8.5.0', 'other'],
    [undefined, 'other'],
  ])('%s is %s', (userAgent, kind) => {
    expect(recogniseClient(userAgent)).toBe(kind);
  });
});
