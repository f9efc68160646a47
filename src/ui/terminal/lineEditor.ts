// The prompt's line editing, as keystrokes arrive from xterm.js: insert, delete, cursor moves,
// history, Ctrl-C / Ctrl-L / Ctrl-U. Pure (no DOM): it answers with what to draw and what to do.

export interface EditResult {
  /** Bytes to write to the terminal to show the edit. */
  echo: string;
  /** A line the user submitted with Enter. */
  submit?: string;
  /** Ctrl-C at the prompt: drop the line. */
  interrupt?: boolean;
  /** Ctrl-L: clear the screen and draw the prompt again. */
  clear?: boolean;
  /** Tab: ask for completions of the word at the cursor. Keys after it are not handled yet: `rest`. */
  complete?: boolean;
  rest?: string;
  /** Completions to list below the line (Tab with several and nothing more in common). */
  list?: string[];
}

const CSI = '\x1b[';

export class LineEditor {
  private line = '';
  private cursor = 0;
  private history: string[];
  private hpos: number;
  /** The line being typed before walking through history, kept to come back to. */
  private draft = '';

  constructor(history: string[] = []) {
    this.history = [...history];
    this.hpos = this.history.length;
  }

  get text(): string {
    return this.line;
  }

  get position(): number {
    return this.cursor;
  }

  /**
   * Use the completions of the word that starts at `from`: one is taken whole (and a space
   * after it); several are narrowed to what they share, or listed when they share no more.
   */
  completeWith(from: number, candidates: readonly string[]): EditResult {
    const word = this.line.slice(from, this.cursor);
    if (!candidates.length) return { echo: '\x07' };
    let common = candidates[0];
    for (const c of candidates) while (!c.startsWith(common)) common = common.slice(0, -1);
    const insert = candidates.length === 1 ? `${candidates[0]} ` : common;
    if (insert.length <= word.length) return { echo: '', list: [...candidates] };
    const tail = this.line.slice(this.cursor);
    const back = this.moveTo(from);
    this.line = this.line.slice(0, from) + insert + tail;
    this.cursor = from + insert.length;
    return { echo: back + insert + this.redrawTail() };
  }

  get entries(): readonly string[] {
    return this.history;
  }

  /** Handle what xterm's onData gave: one key's sequence, or pasted text. */
  handle(data: string): EditResult[] {
    const out: EditResult[] = [];
    let i = 0;
    while (i < data.length) {
      const esc = /^\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(data.slice(i));
      const k = esc ? esc[0] : data[i];
      const r = this.key(k);
      i += k.length;
      out.push(r);
      if (r.complete) {
        // What follows Tab waits until the completion has been applied.
        r.rest = data.slice(i);
        break;
      }
    }
    return out;
  }

  private key(k: string): EditResult {
    switch (k) {
      case '\r':
      case '\n': {
        const line = this.line;
        if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line);
        this.hpos = this.history.length;
        this.line = '';
        this.cursor = 0;
        this.draft = '';
        return { echo: '\r\n', submit: line };
      }
      case '\x03':
        this.line = '';
        this.cursor = 0;
        this.hpos = this.history.length;
        return { echo: '^C\r\n', interrupt: true };
      case '\x0c':
        return { echo: '', clear: true };
      case '\t':
        return { echo: '', complete: true };
      case '\x7f':
      case '\b':
        if (this.cursor === 0) return { echo: '' };
        this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
        this.cursor--;
        return { echo: `\b${this.redrawTail()}` };
      case `${CSI}3~`:
        if (this.cursor === this.line.length) return { echo: '' };
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
        return { echo: this.redrawTail() };
      case `${CSI}D`:
        if (this.cursor === 0) return { echo: '' };
        this.cursor--;
        return { echo: `${CSI}D` };
      case `${CSI}C`:
        if (this.cursor === this.line.length) return { echo: '' };
        this.cursor++;
        return { echo: `${CSI}C` };
      case `${CSI}H`:
      case '\x01':
        return { echo: this.moveTo(0) };
      case `${CSI}F`:
      case '\x05':
        return { echo: this.moveTo(this.line.length) };
      case '\x15': {
        // Ctrl-U drops what is left of the cursor, as bash does.
        const from = this.cursor;
        const back = this.moveTo(0);
        this.line = this.line.slice(from);
        return { echo: back + this.redrawTail() };
      }
      case `${CSI}A`:
        if (this.hpos === 0) return { echo: '' };
        if (this.hpos === this.history.length) this.draft = this.line;
        this.hpos--;
        return { echo: this.replace(this.history[this.hpos]) };
      case `${CSI}B`:
        if (this.hpos === this.history.length) return { echo: '' };
        this.hpos++;
        return { echo: this.replace(this.hpos === this.history.length ? this.draft : this.history[this.hpos]) };
      default:
        if (k.length !== 1 || k < ' ') return { echo: '' }; // keys the prompt does not use
        this.line = this.line.slice(0, this.cursor) + k + this.line.slice(this.cursor);
        this.cursor++;
        return { echo: k + this.redrawTail(true) };
    }
  }

  /** Redraw from the cursor to the end of the line, then put the cursor back. */
  private redrawTail(afterInsert = false): string {
    const tail = this.line.slice(this.cursor);
    if (!tail && afterInsert) return '';
    return `${tail}${CSI}K${tail.length ? `${CSI}${tail.length}D` : ''}`;
  }

  private moveTo(pos: number): string {
    const d = pos - this.cursor;
    this.cursor = pos;
    return d === 0 ? '' : d < 0 ? `${CSI}${-d}D` : `${CSI}${d}C`;
  }

  private replace(text: string): string {
    const back = this.moveTo(0);
    this.line = text;
    this.cursor = text.length;
    return `${back}${text}${CSI}K`;
  }
}
