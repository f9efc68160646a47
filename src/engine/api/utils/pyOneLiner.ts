// `python -c '…'` one-liners that read a JSON answer, as etcd's docs use them to pull a field out
// of a gateway response: imports, `d = json.load(sys.stdin)`, `print(d["kvs"][0]["value"])`,
// `.get(key, default)`. Values print as Python prints them (str of a string, repr inside
// containers); a missing key is Python's KeyError traceback. Anything else is not simulated.

export class NotSimulated extends Error {}

export class PyError extends Error {}

type Py = string | number | boolean | null | Py[] | { [k: string]: Py };

/** Run the one-liner on `stdin`; the text printed, or a PyError (its traceback) / NotSimulated. */
export function runOneLiner(src: string, stdin: string): string {
  const vars = new Map<string, Py>();
  let out = '';
  for (const stmt of splitStatements(src)) {
    const s = stmt.trim();
    if (!s) continue;
    if (/^import\s+[A-Za-z_][\w.]*(\s*,\s*[A-Za-z_][\w.]*)*$/.test(s)) continue;
    const assign = /^([A-Za-z_]\w*)\s*=(?!=)\s*(.+)$/.exec(s);
    if (assign) {
      vars.set(assign[1], evaluate(assign[2], vars, stdin));
      continue;
    }
    const print = /^print\((.*)\)$/.exec(s);
    if (print) {
      out += `${print[1].trim() ? str(evaluate(print[1], vars, stdin)) : ''}\n`;
      continue;
    }
    throw new NotSimulated();
  }
  return out;
}

function splitStatements(src: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | undefined;
  for (const c of src) {
    if (q) {
      if (c === q) q = undefined;
    } else if (c === "'" || c === '"') q = c;
    else if (c === ';' || c === '\n') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

function evaluate(expr: string, vars: Map<string, Py>, stdin: string): Py {
  let i = 0;
  const s = expr.trim();
  const ws = () => {
    while (s[i] === ' ') i++;
  };
  const literal = (): Py | undefined => {
    ws();
    const q = s[i];
    if (q === "'" || q === '"') {
      const end = s.indexOf(q, i + 1);
      if (end < 0) throw new NotSimulated();
      const v = s.slice(i + 1, end);
      i = end + 1;
      return v;
    }
    const m = /^(-?\d+|True|False|None)/.exec(s.slice(i));
    if (m) {
      i += m[0].length;
      return m[0] === 'True' ? true : m[0] === 'False' ? false : m[0] === 'None' ? null : Number(m[0]);
    }
    return undefined;
  };
  const primary = (): Py => {
    ws();
    const rest = s.slice(i);
    const load = /^json\.load\(\s*sys\.stdin\s*\)|^json\.loads\(\s*sys\.stdin\.read\(\)\s*\)/.exec(rest);
    if (load) {
      i += load[0].length;
      try {
        return JSON.parse(stdin) as Py;
      } catch {
        throw new PyError(
          'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\njson.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n',
        );
      }
    }
    const lit = literal();
    if (lit !== undefined) return lit;
    const name = /^[A-Za-z_]\w*/.exec(rest);
    if (name && vars.has(name[0])) {
      i += name[0].length;
      return vars.get(name[0])!;
    }
    throw new NotSimulated();
  };
  let v = primary();
  for (;;) {
    ws();
    if (s[i] === '[') {
      i++;
      const k = literal();
      ws();
      if (k === undefined || s[i] !== ']') throw new NotSimulated();
      i++;
      v = subscript(v, k);
    } else if (s.startsWith('.get(', i)) {
      i += 5;
      const k = literal();
      ws();
      let dflt: Py = null;
      if (s[i] === ',') {
        i++;
        const d = literal();
        if (d === undefined) throw new NotSimulated();
        dflt = d;
        ws();
      }
      if (k === undefined || s[i] !== ')') throw new NotSimulated();
      i++;
      if (!isDict(v)) throw new NotSimulated();
      v = typeof k === 'string' && k in v ? v[k] : dflt;
    } else break;
  }
  ws();
  if (i !== s.length) throw new NotSimulated();
  return v;
}

function isDict(v: Py): v is { [k: string]: Py } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function traceback(line: string): PyError {
  return new PyError(`Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n${line}\n`);
}

function subscript(v: Py, k: Py): Py {
  if (Array.isArray(v)) {
    if (typeof k !== 'number')
      throw traceback(`TypeError: list indices must be integers or slices, not ${typeName(k)}`);
    const at = k < 0 ? v.length + k : k;
    if (at < 0 || at >= v.length) throw traceback('IndexError: list index out of range');
    return v[at];
  }
  if (isDict(v)) {
    if (typeof k !== 'string' || !(k in v)) throw traceback(`KeyError: ${repr(k)}`);
    return v[k];
  }
  throw traceback(`TypeError: '${typeName(v)}' object is not subscriptable`);
}

function typeName(v: Py): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return Array.isArray(v) ? 'list' : 'dict';
}

/** print(x): a string as it is, anything else as its repr. */
function str(v: Py): string {
  return typeof v === 'string' ? v : repr(v);
}

function repr(v: Py): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') {
    const q = v.includes("'") && !v.includes('"') ? '"' : "'";
    let out = '';
    for (const c of v) {
      if (c === '\\') out += '\\\\';
      else if (c === q) out += `\\${q}`;
      else if (c === '\n') out += '\\n';
      else if (c === '\t') out += '\\t';
      else if (c === '\r') out += '\\r';
      else if (c < ' ' || c === '\x7f') out += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
      else out += c;
    }
    return `${q}${out}${q}`;
  }
  if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${repr(k)}: ${repr(x)}`)
    .join(', ')}}`;
}
