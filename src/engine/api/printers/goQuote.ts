// Go's %q of a byte string: printable UTF-8 kept, \" \\ and the C escapes, other bytes as \xNN.

const ESC: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
  34: '\\"',
  92: '\\\\',
};

export function goQuoteBytes(b: string): string {
  let out = '"';
  let i = 0;
  while (i < b.length) {
    const c = b.charCodeAt(i);
    if (ESC[c]) {
      out += ESC[c];
      i++;
      continue;
    }
    if (c < 0x20 || c === 0x7f) {
      out += '\\x' + c.toString(16).padStart(2, '0');
      i++;
      continue;
    }
    if (c < 0x80) {
      out += b[i++];
      continue;
    }
    const n = c >= 0xf0 && c < 0xf5 ? 3 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : 0;
    let cp = n === 3 ? c & 7 : n === 2 ? c & 15 : c & 31;
    let ok = n > 0 && i + n < b.length + 1;
    for (let k = 1; ok && k <= n; k++) {
      const d = b.charCodeAt(i + k);
      if ((d & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (d & 63);
    }
    if (!ok) {
      out += '\\x' + c.toString(16).padStart(2, '0');
      i++;
      continue;
    }
    // Non-printable runes (C1 controls, U+FFFD stays printable) as \u.
    if ((cp >= 0x80 && cp < 0xa0) || cp === 0xad) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out + '"';
}
