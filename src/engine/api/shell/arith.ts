// bash's $(( … )): integer arithmetic on 64-bit-ish numbers (JavaScript's safe integers here),
// with variables by name. Errors in bash's words.

export class ArithError extends Error {}

const OPS = [
  '**',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '<<',
  '>>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '(',
  ')',
  '~',
  '&',
  '|',
  '^',
];

/** Evaluate `expr`; `lookup` gives a variable's value (unset: ''). */
export function arith(expr: string, lookup: (name: string) => string): number {
  const src = expr.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, n: string) => lookup(n) || '0');
  const toks: string[] = [];
  for (let i = 0; i < src.length; ) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|\d+)/.exec(src.slice(i));
    if (num) {
      toks.push(num[0]);
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      toks.push(name[0]);
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op)
      throw new ArithError(
        `${src.slice(i)}: syntax error: invalid arithmetic operator (error token is "${src.slice(i)}")`,
      );
    toks.push(op);
    i += op.length;
  }
  let p = 0;
  const rest = () => toks.slice(p).join(' ');
  const value = (t: string): number => {
    if (/^0[xX]/.test(t)) return Number.parseInt(t, 16);
    if (/^\d/.test(t)) return /^0\d/.test(t) ? Number.parseInt(t, 8) : Number(t);
    const v = lookup(t).trim();
    return v === '' ? 0 : /^-?\d+$/.test(v) ? Number(v) : arith(v, lookup);
  };
  const primary = (): number => {
    const t = toks[p++];
    if (t === undefined)
      throw new ArithError(`${expr}: syntax error: operand expected (error token is "${expr.trim() ? '' : expr}")`);
    if (t === '(') {
      const v = binary(0);
      if (toks[p++] !== ')') throw new ArithError(`${expr}: syntax error: missing \`)'`);
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (t === '~') return ~primary();
    if (/^[\dA-Za-z_]/.test(t)) return value(t);
    throw new ArithError(`${expr}: syntax error: operand expected (error token is "${[t, rest()].join(' ').trim()}")`);
  };
  const PREC: Record<string, number> = {
    '||': 1,
    '&&': 2,
    '|': 3,
    '^': 4,
    '&': 5,
    '==': 6,
    '!=': 6,
    '<': 7,
    '>': 7,
    '<=': 7,
    '>=': 7,
    '<<': 8,
    '>>': 8,
    '+': 9,
    '-': 9,
    '*': 10,
    '/': 10,
    '%': 10,
    '**': 11,
  };
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
      case '%':
        if (b === 0) throw new ArithError(`${expr.trim()}: division by 0 (error token is "${String(b)}")`);
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '**':
        return a ** b;
      case '<':
        return +(a < b);
      case '>':
        return +(a > b);
      case '<=':
        return +(a <= b);
      case '>=':
        return +(a >= b);
      case '==':
        return +(a === b);
      case '!=':
        return +(a !== b);
      case '&&':
        return +(!!a && !!b);
      case '||':
        return +(!!a || !!b);
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '<<':
        return a << b;
      case '>>':
        return a >> b;
    }
    throw new ArithError(`${expr}: syntax error`);
  };
  const binary = (min: number): number => {
    let a = primary();
    for (;;) {
      const op = toks[p];
      const prec = op === undefined ? undefined : PREC[op];
      if (prec === undefined || prec < min) return a;
      p++;
      // ** binds to the right; the others to the left.
      const b = binary(op === '**' ? prec : prec + 1);
      a = apply(op, a, b);
    }
  };
  if (!toks.length) return 0;
  const v = binary(0);
  if (p < toks.length) throw new ArithError(`${expr.trim()}: syntax error in expression (error token is "${rest()}")`);
  return v;
}
