// Keys and values are byte strings: a JS string with one char (0..255) per byte.
// Comparing two such strings with < compares them in byte order, as etcd does.

export type Bytes = string;

/** UTF-8 encode a user-typed string into a byte string. (The engine has no TextEncoder: no DOM lib.) */
export function fromUtf8(s: string): Bytes {
  let out = '';
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate
    if (cp < 0x80) out += ch;
    else if (cp < 0x800) out += String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out += String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      out += String.fromCharCode(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return out;
}

/**
 * What a terminal shows for what a program wrote: its bytes decoded as UTF-8. Text with
 * characters beyond one byte is already decoded (a message quoting what was typed).
 */
export function terminalText(written: string): string {
  return isDecodedText(written) ? written : toUtf8(written);
}

/** Whether a program's output chunk is already text rather than bytes (it has characters beyond one byte). */
export function isDecodedText(written: string): boolean {
  return /[^\u0000-\u00ff]/.test(written);
}

/** Decode a byte string as UTF-8 for display; each invalid byte becomes U+FFFD. */
export function toUtf8(b: Bytes): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b.charCodeAt(i);
    if (c < 0x80) {
      out += b[i++];
      continue;
    }
    const n = c >= 0xf0 && c < 0xf5 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : 0;
    let cp = n === 3 ? c & 7 : n === 2 ? c & 15 : c & 31;
    let ok = n > 0 && i + n < b.length + 1;
    for (let k = 1; ok && k <= n; k++) {
      const d = b.charCodeAt(i + k);
      if ((d & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (d & 63);
    }
    if (
      ok &&
      ((n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff)))
    )
      ok = false;
    if (!ok) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}

export function fromUint8(u8: Uint8Array): Bytes {
  let out = '';
  for (let i = 0; i < u8.length; i += 8192) out += String.fromCharCode(...u8.subarray(i, i + 8192));
  return out;
}

export function toUint8(b: Bytes): Uint8Array {
  const u8 = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) u8[i] = b.charCodeAt(i) & 0xff;
  return u8;
}

export function compareBytes(a: Bytes, b: Bytes): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The range end that covers every key with this prefix (etcd's GetPrefixRangeEnd): the prefix
 * with its last byte below 0xff incremented and what follows dropped. A prefix of only 0xff
 * bytes (or the empty prefix) has no such end: "\x00" then means "every key from here on".
 */
export function prefixRangeEnd(prefix: Bytes): Bytes {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const c = prefix.charCodeAt(i);
    if (c < 0xff) return prefix.slice(0, i) + String.fromCharCode(c + 1);
  }
  return '\x00';
}

/** The range end meaning "from this key on" (etcd's --from-key). */
export const FROM_KEY_END: Bytes = '\x00';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding, as Go's encoding/base64.StdEncoding writes it. */
export function toBase64(b: Bytes): string {
  let out = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b.charCodeAt(i) << 16) | (b.charCodeAt(i + 1) << 8) | b.charCodeAt(i + 2);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = b.length - i;
  if (rest === 1) {
    const n = b.charCodeAt(i) << 16;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + '==';
  } else if (rest === 2) {
    const n = (b.charCodeAt(i) << 16) | (b.charCodeAt(i + 1) << 8);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + '=';
  }
  return out;
}

export class Base64Error extends Error {
  constructor(readonly offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
  }
}

/**
 * Strict standard base64 decoding with Go's error offsets: an illegal character is reported at
 * its own index, a quantum cut short without padding at the quantum's start, bad padding at the
 * '=' and anything after the padding at its index. \r and \n are skipped anywhere.
 */
export function fromBase64(s: string): Bytes {
  let out = '';
  let si = 0;
  const n = s.length;
  for (;;) {
    const quad = [0, 0, 0, 0];
    let j = 0;
    let padded = false;
    while (j < 4) {
      if (si === n) {
        if (j === 0) return out;
        throw new Base64Error(si - j);
      }
      const ch = s[si++];
      if (ch === '\r' || ch === '\n') continue;
      if (ch === '=') {
        if (j < 2) throw new Base64Error(si - 1);
        if (j === 2) {
          while (si < n && (s[si] === '\r' || s[si] === '\n')) si++;
          if (si === n) throw new Base64Error(n);
          if (s[si] !== '=') throw new Base64Error(si - 1);
          si++;
        }
        while (si < n && (s[si] === '\r' || s[si] === '\n')) si++;
        if (si < n) throw new Base64Error(si);
        padded = true;
        break;
      }
      const v = B64.indexOf(ch);
      if (v < 0) throw new Base64Error(si - 1);
      quad[j++] = v;
    }
    const bits = (quad[0] << 18) | (quad[1] << 12) | (quad[2] << 6) | quad[3];
    out += String.fromCharCode((bits >> 16) & 0xff);
    if (j > 2) out += String.fromCharCode((bits >> 8) & 0xff);
    if (j > 3) out += String.fromCharCode(bits & 0xff);
    if (padded) return out;
  }
}

/** etcdctl --hex: every byte as \xNN. */
export function toHexEscaped(b: Bytes): string {
  let out = '';
  for (let i = 0; i < b.length; i++) out += '\\x' + b.charCodeAt(i).toString(16).padStart(2, '0');
  return out;
}

export function toHex(b: Bytes): string {
  let out = '';
  for (let i = 0; i < b.length; i++) out += b.charCodeAt(i).toString(16).padStart(2, '0');
  return out;
}
