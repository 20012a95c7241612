import { deflateSync, gzipSync } from 'node:zlib';
import { PATCH_OP, USER_SCHEMA } from '../../src/scim/schema/urns';
import type { BarrageFixtures, CaseSpec } from './barrage-cases';
import { AppRoute, isScimRoute } from './barrage-routes';
import { Json, jsonText } from './hostile-values';

/** Bodies the body reader must refuse: not JSON, wrong media type or encoding, too large or too deep. */
export function transportCases(route: AppRoute, f: BarrageFixtures, body: Json | undefined): CaseSpec[] {
  const json = Buffer.from(jsonText(body ?? {}), 'utf8');
  const garbage = Buffer.from('\u0001\u00ff not what it says \u0000\u0013', 'latin1');
  const duplicateKey = isScimRoute(route)
    ? route.path.endsWith('/:id') && route.method === 'PATCH'
      ? `{"schemas":["${PATCH_OP}"],"Operations":[],"Operations":"x"}`
      : `{"schemas":["${USER_SCHEMA}"],"schemas":"x","userName":"${f.scim.takenUserName}"}`
    : '{"name":"x","name":null,"description":1,"description":[],"url":{},"url":null}';
  const specs: Array<[string, Buffer, Record<string, string | undefined>?]> = [
    ['not JSON', Buffer.from('hello')],
    ['truncated JSON', json.subarray(0, Math.max(1, json.length - 2))],
    ['an empty body with a length', Buffer.from(' ')],
    ['JSON null', Buffer.from('null')],
    ['a JSON array', Buffer.from('[]')],
    ['a JSON number', Buffer.from('1e400')],
    ['a JSON string', Buffer.from('"body"')],
    ['a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json])],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])],
    ['objects nested 5,000 deep', Buffer.from('{"a":'.repeat(5000) + '1' + '}'.repeat(5000))],
    ['arrays nested 5,000 deep', Buffer.from('['.repeat(5000) + ']'.repeat(5000))],
    ['duplicate keys', Buffer.from(duplicateKey)],
    ['a 1.1 MB body', Buffer.from(`{"padding":"${'p'.repeat(1_100_000)}"}`)],
    ['text/plain', json, { 'Content-Type': 'text/plain' }],
    ['application/xml', json, { 'Content-Type': 'application/xml' }],
    ['a form', Buffer.from('a=1&b=2'), { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['an empty Content-Type', json, { 'Content-Type': '' }],
    ['a garbage Content-Type', json, { 'Content-Type': ';;;/;=' }],
    ['charset latin1', json, { 'Content-Type': 'application/json; charset=latin1' }],
    ['charset utf-16', json, { 'Content-Type': 'application/json; charset=utf-16' }],
    ['a garbage charset', json, { 'Content-Type': 'application/json; charset="\u00ff"' }],
    ['gzip garbage', garbage, { 'Content-Encoding': 'gzip' }],
    ['br garbage', garbage, { 'Content-Encoding': 'br' }],
    ['deflate garbage', garbage, { 'Content-Encoding': 'deflate' }],
    ['truncated gzip', gzipSync(json).subarray(0, 12), { 'Content-Encoding': 'gzip' }],
    ['gzip of non-JSON', gzipSync(Buffer.from('not json')), { 'Content-Encoding': 'gzip' }],
    ['a gzip bomb', gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)), { 'Content-Encoding': 'gzip' }],
    ['deflate labelled gzip', deflateSync(json), { 'Content-Encoding': 'gzip' }],
    ['Content-Encoding compress', json, { 'Content-Encoding': 'compress' }],
    ['Content-Encoding garbage', json, { 'Content-Encoding': 'x-\u00ff' }],
    ['gzip twice, sent once', gzipSync(json), { 'Content-Encoding': 'gzip, gzip' }],
  ];
  return specs.map(([label, bytes, headers]) => ({ name: `body: ${label}`, body: bytes, headers }));
}
