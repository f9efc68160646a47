// Tokenizer and parser for the shell subset: quotes and escapes, $VAR / ${VAR} / $? / $(...) /
// backticks, pipes, && || ; &, redirections and heredocs. Errors use bash's words.
import type {
  AndOr,
  Command,
  CompoundCommand,
  Pipeline,
  Redirect,
  Script,
  SimpleCommand,
  Word,
  WordPart,
} from './ast.ts';

export class ShellSyntaxError extends Error {}

type Tok =
  | { t: 'word'; word: Word; raw: string; start: number }
  | { t: 'op'; op: string; start: number }
  | { t: 'nl'; start: number };

const OPS = ['&&', '||', ';;', '<<-', '<<<', '<<', '>>', '>&', '&>', '|', '&', ';', '<', '>', '(', ')'];

function isNameChar(c: string | undefined, first: boolean): boolean {
  return !!c && (/[A-Za-z_]/.test(c) || (!first && /[0-9]/.test(c)));
}

class Lexer {
  i = 0;
  toks: Tok[] = [];
  /** Heredocs waiting for their bodies at the next newline. */
  pendingHeredocs: { cmdTok: number; delim: string; strip: boolean; expand: boolean }[] = [];
  heredocBodies = new Map<number, { body: string; expand: boolean }>();

  constructor(readonly src: string) {}

  run(): Tok[] {
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t') {
        this.i++;
        continue;
      }
      if (c === '\\' && s[this.i + 1] === '\n') {
        this.i += 2;
        continue;
      }
      if (c === '\n') {
        this.toks.push({ t: 'nl', start: this.i });
        this.i++;
        this.readHeredocBodies();
        continue;
      }
      if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
        continue;
      }
      const op = OPS.find((o) => s.startsWith(o, this.i));
      if (op && !(op === '<' && s[this.i + 1] === '(')) {
        // "2>" / "2>&1": a digit right before a redirection belongs to it (handled in word reading).
        this.toks.push({ t: 'op', op, start: this.i });
        this.i += op.length;
        if (op === '<<' || op === '<<-') this.readHeredocDelim(op === '<<-');
        continue;
      }
      this.readWord();
    }
    if (this.pendingHeredocs.length) {
      // bash warns and takes the rest as the body; here the command text always carries its body.
      this.readHeredocBodies();
    }
    return this.toks;
  }

  private readHeredocDelim(strip: boolean): void {
    const s = this.src;
    while (s[this.i] === ' ' || s[this.i] === '\t') this.i++;
    const start = this.i;
    let delim = '';
    let quoted = false;
    while (this.i < s.length && !/[\s;&|<>()]/.test(s[this.i])) {
      const c = s[this.i];
      if (c === "'" || c === '"') {
        quoted = true;
        const end = s.indexOf(c, this.i + 1);
        if (end < 0) throw new ShellSyntaxError(`unexpected EOF while looking for matching \`${c}'`);
        delim += s.slice(this.i + 1, end);
        this.i = end + 1;
      } else if (c === '\\') {
        quoted = true;
        delim += s[this.i + 1] ?? '';
        this.i += 2;
      } else {
        delim += c;
        this.i++;
      }
    }
    if (start === this.i) throw new ShellSyntaxError(syntaxNear(s.slice(this.i).trim()[0] ?? 'newline'));
    this.pendingHeredocs.push({ cmdTok: this.toks.length - 1, delim, strip, expand: !quoted });
  }

  private readHeredocBodies(): void {
    const s = this.src;
    for (const h of this.pendingHeredocs) {
      const lines: string[] = [];
      let found = false;
      while (this.i < s.length) {
        let end = s.indexOf('\n', this.i);
        if (end < 0) end = s.length;
        let line = s.slice(this.i, end);
        this.i = Math.min(s.length, end + 1);
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delim) {
          found = true;
          break;
        }
        lines.push(line);
      }
      void found; // bash: "warning: here-document delimited by end-of-file"; the body is what was read.
      this.heredocBodies.set(h.cmdTok, { body: lines.map((l) => l + '\n').join(''), expand: h.expand });
    }
    this.pendingHeredocs = [];
  }

  private readWord(): void {
    const s = this.src;
    const start = this.i;
    const parts: WordPart[] = [];
    let lit = '';
    let litQuoted = false;
    const flush = () => {
      if (lit) parts.push({ kind: 'lit', text: lit, quoted: litQuoted });
      lit = '';
    };
    const addLit = (text: string, quoted: boolean) => {
      if (quoted !== litQuoted) flush();
      litQuoted = quoted;
      lit += text;
    };
    // A redirection's fd: "2>" or "2>&1".
    if (/[0-9]/.test(s[this.i]) && (s[this.i + 1] === '>' || s[this.i + 1] === '<')) {
      this.toks.push({
        t: 'op',
        op: `${s[this.i]}${s[this.i + 1] === '>' && s[this.i + 2] === '>' ? '>>' : s[this.i + 1] === '>' && s[this.i + 2] === '&' ? '>&' : s[this.i + 1]}`,
        start,
      });
      const op = (this.toks[this.toks.length - 1] as { op: string }).op;
      this.i += op.length;
      return;
    }
    while (this.i < s.length) {
      const c = s[this.i];
      if (/[\s;&|<>()]/.test(c)) break;
      if (c === '\\') {
        if (s[this.i + 1] === '\n') {
          this.i += 2;
          continue;
        }
        addLit(s[this.i + 1] ?? '', true);
        this.i += 2;
        continue;
      }
      if (c === "'") {
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
        addLit(s.slice(this.i + 1, end), true);
        if (end === this.i + 1) {
          flush();
          parts.push({ kind: 'lit', text: '', quoted: true });
        }
        this.i = end + 1;
        continue;
      }
      if (c === '$' && s[this.i + 1] === "'") {
        const { text, end } = ansiC(s, this.i + 2);
        addLit(text, true);
        this.i = end;
        continue;
      }
      if (c === '"') {
        this.i++;
        let any = false;
        while (this.i < s.length && s[this.i] !== '"') {
          const d = s[this.i];
          any = true;
          if (d === '\\' && '$`"\\\n'.includes(s[this.i + 1] ?? '')) {
            if (s[this.i + 1] !== '\n') addLit(s[this.i + 1], true);
            this.i += 2;
          } else if (d === '$' || d === '`') {
            const p = this.readDollar(true);
            if (p) {
              flush();
              parts.push(p);
            } else addLit('$', true);
          } else {
            addLit(d, true);
            this.i++;
          }
        }
        if (this.i >= s.length) throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
        this.i++;
        if (!any) {
          flush();
          parts.push({ kind: 'lit', text: '', quoted: true });
        }
        continue;
      }
      if (c === '$' || c === '`') {
        const p = this.readDollar(false);
        if (p) {
          flush();
          parts.push(p);
        } else addLit('$', false);
        continue;
      }
      addLit(c, false);
      this.i++;
    }
    flush();
    this.toks.push({ t: 'word', word: parts, raw: s.slice(start, this.i), start });
  }

  /** $NAME, ${NAME}, $?, $(...), `...`; undefined for a lone $ (taken literally). */
  private readDollar(quoted: boolean): WordPart | undefined {
    const s = this.src;
    if (s[this.i] === '`') {
      const end = s.indexOf('`', this.i + 1);
      if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching ``'");
      const source = s.slice(this.i + 1, end);
      this.i = end + 1;
      return { kind: 'cmdsub', source, quoted };
    }
    const n = s[this.i + 1];
    if (n === '(' && s[this.i + 2] === '(') {
      const end = s.indexOf('))', this.i + 3);
      if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `)'");
      const source = s.slice(this.i + 3, end);
      this.i = end + 2;
      return { kind: 'arith', source, quoted };
    }
    if (n === '(') {
      let depth = 0;
      let j = this.i + 1;
      let q: string | undefined;
      for (; j < s.length; j++) {
        const c = s[j];
        if (q) {
          if (c === q) q = undefined;
          else if (c === '\\' && q === '"') j++;
          continue;
        }
        if (c === '\\') j++;
        else if (c === "'" || c === '"') q = c;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      if (j >= s.length) throw new ShellSyntaxError("unexpected EOF while looking for matching `)'");
      const source = s.slice(this.i + 2, j);
      this.i = j + 1;
      return { kind: 'cmdsub', source, quoted };
    }
    if (n === '{') {
      const end = s.indexOf('}', this.i + 2);
      if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `}'");
      const name = s.slice(this.i + 2, end);
      this.i = end + 1;
      if (!/^([A-Za-z_][A-Za-z0-9_]*|[0-9?#$!@*])$/.test(name))
        throw new ShellSyntaxError(`\${${name}}: bad substitution`);
      return { kind: 'var', name, quoted };
    }
    if (n && '?#$!@*0123456789'.includes(n)) {
      this.i += 2;
      return { kind: 'var', name: n, quoted };
    }
    if (isNameChar(n, true)) {
      let j = this.i + 1;
      while (isNameChar(s[j], j === this.i + 1)) j++;
      const name = s.slice(this.i + 1, j);
      this.i = j;
      return { kind: 'var', name, quoted };
    }
    this.i++;
    return undefined;
  }
}

function ansiC(s: string, i: number): { text: string; end: number } {
  let text = '';
  const map: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    '\\': '\\',
    "'": "'",
    '"': '"',
    a: '\x07',
    b: '\b',
    e: '\x1b',
    f: '\f',
    v: '\v',
    '0': '\0',
  };
  while (i < s.length && s[i] !== "'") {
    if (s[i] === '\\') {
      const c = s[i + 1];
      if (c === 'x') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2));
        if (m) {
          text += String.fromCharCode(Number.parseInt(m[0], 16));
          i += 2 + m[0].length;
          continue;
        }
      }
      text += map[c] ?? '\\' + c;
      i += 2;
    } else text += s[i++];
  }
  if (i >= s.length) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
  return { text, end: i + 1 };
}

function syntaxNear(tok: string): string {
  return `syntax error near unexpected token \`${tok}'`;
}

/** Parse a command line (possibly several lines, with heredocs) into a script. */
export function parse(src: string): Script {
  const lx = new Lexer(src);
  const toks = lx.run();
  let p = 0;
  const peek = () => toks[p];
  const script: Script = [];

  /** A reserved word where a command starts. */
  const reserved = (w: string): boolean => {
    const t = peek();
    return t?.t === 'word' && t.raw === w;
  };
  const expectWord = (w: string): void => {
    if (!reserved(w)) {
      const t = peek();
      throw new ShellSyntaxError(
        t ? syntaxNear(t.t === 'op' ? t.op : t.t === 'nl' ? 'newline' : t.raw) : 'syntax error: unexpected end of file',
      );
    }
    p++;
  };
  const skipNewlines = () => {
    while (peek()?.t === 'nl' || (peek()?.t === 'op' && (peek() as { op: string }).op === ';')) p++;
  };

  const parseCompound = (): CompoundCommand | undefined => {
    const t = peek();
    if (t?.t === 'op' && t.op === '(') {
      p++;
      const body = parseList([')']);
      p++; // the `)`
      return { kind: 'subshell', body };
    }
    if (t?.t !== 'word') return undefined;
    if (t.raw === '{') {
      p++;
      const body = parseList(['}']);
      expectWord('}');
      return { kind: 'group', body };
    }
    if (t.raw === 'for') {
      p++;
      const nameTok = peek();
      if (nameTok?.t !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.raw))
        throw new ShellSyntaxError(`\`${nameTok?.t === 'word' ? nameTok.raw : 'newline'}': not a valid identifier`);
      p++;
      let words: Word[] | undefined;
      if (reserved('in')) {
        p++;
        words = [];
        while (peek()?.t === 'word') words.push((toks[p++] as { word: Word }).word);
      }
      skipNewlines();
      expectWord('do');
      const body = parseList(['done']);
      expectWord('done');
      return { kind: 'for', name: nameTok.raw, words, body };
    }
    if (t.raw === 'while' || t.raw === 'until') {
      p++;
      const cond = parseList(['do']);
      expectWord('do');
      const body = parseList(['done']);
      expectWord('done');
      return { kind: t.raw, cond, body };
    }
    if (t.raw === 'if') {
      p++;
      const branches: { cond: Script; body: Script }[] = [];
      let otherwise: Script | undefined;
      for (;;) {
        const cond = parseList(['then']);
        expectWord('then');
        const body = parseList(['elif', 'else', 'fi']);
        branches.push({ cond, body });
        if (reserved('elif')) {
          p++;
          continue;
        }
        if (reserved('else')) {
          p++;
          otherwise = parseList(['fi']);
        }
        expectWord('fi');
        return { kind: 'if', branches, otherwise };
      }
    }
    return undefined;
  };

  const parseCommand = (): Command => {
    const compound = parseCompound();
    if (compound) {
      const redirects = parseCommand0(true).redirects;
      return redirects.length ? { ...compound, redirects } : compound;
    }
    return parseCommand0(false);
  };

  /** A simple command, or (onlyRedirects) just the redirections that follow a compound one. */
  const parseCommand0 = (onlyRedirects: boolean): SimpleCommand => {
    const cmd: SimpleCommand = { assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = peek();
      if (!t || t.t === 'nl') break;
      if (t.t === 'op') {
        const redir = /^([0-9]?)(>>|>&|<<-|<<<|<<|>|<|&>)$/.exec(t.op);
        if (!redir) break;
        p++;
        const fd = redir[1] ? Number(redir[1]) : redir[2].startsWith('<') ? 0 : 1;
        const op = redir[2];
        if (op === '<<' || op === '<<-') {
          const body = lx.heredocBodies.get(p - 1);
          cmd.heredoc = body ?? { body: '', expand: true };
          continue;
        }
        const target = peek();
        if (target?.t !== 'word') throw new ShellSyntaxError(syntaxNear(target?.t === 'op' ? target.op : 'newline'));
        p++;
        if (op === '<<<') {
          cmd.redirects.push({
            fd: 0,
            op: '<',
            target: [{ kind: 'lit', text: '\u0000herestring', quoted: true }, ...target.word],
          });
        } else if (op === '&>') {
          cmd.redirects.push(
            { fd: 1, op: '>', target: target.word },
            { fd: 2, op: '>&', target: [{ kind: 'lit', text: '1', quoted: false }] },
          );
        } else cmd.redirects.push({ fd, op: op as Redirect['op'], target: target.word });
        continue;
      }
      if (onlyRedirects) break;
      p++;
      const m = cmd.words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw) : null;
      if (m && t.word[0]?.kind === 'lit' && !t.word[0].quoted && t.word[0].text.startsWith(m[0])) {
        const first = t.word[0];
        const rest: Word = [{ ...first, text: first.text.slice(m[0].length) }, ...t.word.slice(1)].filter(
          (w) => !(w.kind === 'lit' && w.text === '' && !w.quoted),
        );
        cmd.assigns.push({ name: m[1], value: rest });
      } else cmd.words.push(t.word);
    }
    return cmd;
  };

  const parsePipeline = (): Pipeline => {
    let negate = false;
    const t0 = peek();
    if (t0?.t === 'word' && t0.raw === '!') {
      negate = true;
      p++;
    }
    const commands = [parseCommand()];
    while (peek()?.t === 'op' && (peek() as { op: string }).op === '|') {
      p++;
      while (peek()?.t === 'nl') p++;
      commands.push(parseCommand());
    }
    for (const c of commands) {
      if ('kind' in c) continue;
      if (!c.words.length && !c.assigns.length && !c.redirects.length && !c.heredoc) {
        const t = peek();
        throw new ShellSyntaxError(
          syntaxNear(t ? (t.t === 'op' ? t.op : t.t === 'nl' ? 'newline' : t.raw) : 'newline'),
        );
      }
    }
    return { commands, negate };
  };

  /** Commands up to one of `until` (a reserved word at a command's start), or the end. */
  function parseList(until: string[]): Script {
    const list: Script = [];
    for (;;) {
      skipNewlines();
      const t = peek();
      if (!t) {
        if (until.length) throw new ShellSyntaxError('syntax error: unexpected end of file');
        return list;
      }
      if ((t.t === 'word' && until.includes(t.raw)) || (t.t === 'op' && t.op === ')' && until.includes(')'))) {
        if (!list.length) throw new ShellSyntaxError(syntaxNear(t.t === 'op' ? t.op : t.raw));
        return list;
      }
      if (t.t === 'word' && ['do', 'done', 'then', 'elif', 'else', 'fi'].includes(t.raw))
        throw new ShellSyntaxError(syntaxNear(t.raw));
      list.push(parseAndOr(until.length > 0));
    }
  }

  function parseAndOr(nested: boolean): AndOr {
    const t = peek()!;
    if (t.t === 'op' && t.op !== '(' && !/^[0-9]?(>>|>&|<<-|<<<|<<|>|<|&>)$/.test(t.op))
      throw new ShellSyntaxError(syntaxNear(t.op));
    const startTok = t;
    const first = parsePipeline();
    const rest: AndOr['rest'] = [];
    while (peek()?.t === 'op' && ['&&', '||'].includes((peek() as { op: string }).op)) {
      const op = (peek() as { op: string }).op as '&&' | '||';
      p++;
      while (peek()?.t === 'nl') p++;
      if (!peek()) throw new ShellSyntaxError('syntax error: unexpected end of file');
      rest.push({ op, pipeline: parsePipeline() });
    }
    let background = false;
    const end = peek();
    let endPos = end ? end.start : src.length;
    if (end?.t === 'op' && (end.op === '&' || end.op === ';')) {
      background = end.op === '&';
      p++;
    } else if (end && end.t !== 'nl' && !(nested && (end.t === 'word' || (end.t === 'op' && end.op === ')')))) {
      throw new ShellSyntaxError(syntaxNear(end.t === 'op' ? end.op : end.raw));
    }
    if (endPos > src.length) endPos = src.length;
    return { first, rest, background, text: src.slice(startTok.start, endPos).split('\n')[0].trim() };
  }

  while (p < toks.length) {
    const t = peek();
    if (t.t === 'nl') {
      p++;
      continue;
    }
    if (t.t === 'word' && ['do', 'done', 'then', 'elif', 'else', 'fi', '}'].includes(t.raw))
      throw new ShellSyntaxError(syntaxNear(t.raw));
    script.push(parseAndOr(false));
  }
  return script;
}
