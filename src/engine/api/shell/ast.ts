// The shell's syntax tree: a small subset of bash, enough for the etcd tutorials.

export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean }
  | { kind: 'cmdsub'; source: string; quoted: boolean }
  /** $(( expression )): integer arithmetic. */
  | { kind: 'arith'; source: string; quoted: boolean };

export type Word = WordPart[];

export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  target: Word;
}

export interface SimpleCommand {
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
  heredoc?: { body: string; expand: boolean };
}

/** for / while / until / if: their bodies are lists of commands. */
export type CompoundCommand =
  | { kind: 'for'; name: string; words: Word[] | undefined; body: Script }
  | { kind: 'while' | 'until'; cond: Script; body: Script }
  | { kind: 'if'; branches: { cond: Script; body: Script }[]; otherwise: Script | undefined }
  /** `( list )` runs in a subshell (its variables and directory do not come back); `{ list; }` here. */
  | { kind: 'subshell' | 'group'; body: Script };

/** A compound command and the redirections after it (`done > file`, `) 2>&1`). */
export type Command = SimpleCommand | (CompoundCommand & { redirects?: Redirect[] });

export function isCompound(c: Command): c is CompoundCommand {
  return 'kind' in c;
}

export interface Pipeline {
  commands: Command[];
  negate: boolean;
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
  /** The source text of this list item, for `jobs`. */
  text: string;
}

export type Script = AndOr[];
