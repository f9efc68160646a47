// Reading request bodies as Go's encoding/json would: its error texts, and 64-bit integers kept
// exact (JSON.parse would round anything above 2^53).

export class GoJsonError extends Error {}

/** Quote integer literals too long for a double, outside strings, so they arrive exact. */
function quoteBigInts(s: string): string {
  let out = '';
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      out += c;
      if (c === '\\') out += s[++i] ?? '';
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') {
      inStr = true;
      out += c;
      continue;
    }
    const m = /^-?\d{16,}(?![.eE\d])/.exec(s.slice(i));
    if (m && !/[\w.]/.test(s[i - 1] ?? '')) {
      out += `"${m[0]}"`;
      i += m[0].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

export function parseGoJson(body: string): unknown {
  const text = quoteBigInts(body);
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    if (/end of JSON input|Unterminated string/i.test(msg) || text.trim() === '')
      throw new GoJsonError('unexpected EOF');
    const at = /position (\d+)/.exec(msg);
    const ch = at ? text[Number(at[1])] : text.trim()[0];
    // JSON.parse points past the end for an input cut short, as in '{'.
    if (ch === undefined) throw new GoJsonError('unexpected EOF');
    throw new GoJsonError(`invalid character '${ch}' looking for beginning of value`);
  }
}
