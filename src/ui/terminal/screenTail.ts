// What of a long text a terminal can still show: its last lines.

/** The last `lines` lines of `text` (cut after a newline, so no escape sequence is cut). */
export function tail(text: string, lines: number): string {
  let at = text.length;
  for (let i = 0; i < lines; i++) {
    const before = at > 0 ? text.lastIndexOf('\n', at - 1) : -1;
    if (before < 0) return text;
    at = before;
  }
  return text.slice(at + 1);
}
