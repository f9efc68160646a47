// JSON as Go's encoding/json writes it: HTML-safe, so <, > and & (and U+2028, U+2029) are escaped.

/** JSON.stringify, then Go's escapes (none of these characters is JSON syntax, so only strings change). */
export function goJsonText(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
