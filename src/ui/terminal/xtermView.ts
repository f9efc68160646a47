// One terminal: xterm.js for the screen, the LineEditor for the prompt, and the worker for
// running what is typed. While a command runs, only Ctrl-C reaches it (as in a shell without
// type-ahead); output is written the moment the worker sends it. The terminal owns its element,
// so a pane can show it, and another pane take it over, without losing the screen.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { LineEditor } from './lineEditor.ts';
import { tail } from './screenTail.ts';

const PROMPT = '\x1b[32m$\x1b[0m ';

export interface TerminalHost {
  exec(terminal: string, line: string): void;
  interrupt(terminal: string): void;
  complete(terminal: string, line: string, cursor: number): Promise<{ from: number; candidates: string[] }>;
  history(terminal: string, entries: readonly string[]): void;
}

export const THEMES = {
  dark: { background: '#111418', foreground: '#d8dee4', cursor: '#d8dee4', selectionBackground: '#33465a' },
  light: { background: '#ffffff', foreground: '#1f2328', cursor: '#1f2328', selectionBackground: '#b6d4fe' },
};

/** A replayed terminal's output, its replayed command lines and its prompts, in order. */
export type RestoredPart = { kind: 'output' | 'echo'; text: string } | { kind: 'prompt' };

export class XtermView {
  readonly term: Terminal;
  readonly element: HTMLDivElement;
  private readonly fit = new FitAddon();
  private readonly editor: LineEditor;
  /** A command is running: keys other than Ctrl-C wait. */
  busy = false;
  private completing = false;
  /** Keys typed while a completion was on its way: handled once it is in. */
  private typeahead = '';

  constructor(
    readonly id: string,
    private readonly host: TerminalHost,
    history: string[],
    theme: keyof typeof THEMES,
  ) {
    this.editor = new LineEditor(history);
    this.element = document.createElement('div');
    this.element.className = 'screen';
    this.term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: 14,
      scrollback: 5000,
      theme: THEMES[theme],
    });
    this.term.loadAddon(this.fit);
    this.term.onData((data) => this.onData(data));
    // Ctrl-C (or Ctrl-Shift-C) with text selected copies it, as terminal apps do; without a selection it interrupts.
    this.term.attachCustomKeyEventHandler((e) => {
      // The terminal keeps Tab for completion; Escape lets the keyboard leave it (then Tab moves on).
      if (e.type === 'keydown' && e.key === 'Escape') {
        this.term.blur();
        return false;
      }
      if (e.type === 'keydown' && e.ctrlKey && e.key.toLowerCase() === 'c' && this.term.hasSelection()) {
        void navigator.clipboard?.writeText(this.term.getSelection()).catch(() => {});
        this.term.clearSelection();
        e.preventDefault();
        return false;
      }
      return true;
    });
    new ResizeObserver(() => this.resize()).observe(this.element);
  }

  /** Put the terminal on the page (once its element is in the document). */
  /** Called once the terminal is first on the page. */
  onAttached: (() => void) | undefined;

  get attached(): boolean {
    return !!this.term.element;
  }

  attach(): void {
    if (!this.term.element) {
      this.term.open(this.element);
      this.onAttached?.();
    }
    this.resize();
  }

  resize(): void {
    if (this.term.element && this.element.isConnected && this.element.clientWidth > 0) this.fit.fit();
  }

  setTheme(theme: keyof typeof THEMES): void {
    this.term.options.theme = THEMES[theme];
  }

  /** Text from the worker for this terminal. */
  write(text: string): void {
    this.term.write(text);
  }

  /** A command line replayed from a saved session: shown as if typed at the prompt. */
  echo(line: string): void {
    this.busy = true;
    this.term.write(`${line}\r\n`);
  }

  prompt(): void {
    this.busy = false;
    this.term.write(PROMPT);
  }

  /**
   * What a replayed session wrote here, in one go: only the lines the screen and its scrollback
   * can hold are written (xterm.js would parse a long session's every line only to drop them).
   */
  restore(parts: readonly RestoredPart[]): void {
    const text = parts
      .map((p) => (p.kind === 'output' ? p.text : p.kind === 'echo' ? `${p.text}\r\n` : PROMPT))
      .join('');
    for (const p of parts) if (p.kind !== 'output') this.busy = p.kind === 'echo';
    this.term.write(tail(text, (this.term.options.scrollback ?? 1000) + this.term.rows + 1));
  }

  /** The whole screen and scrollback as text, wrapped lines joined (for tests and copy-all). */
  text(): string {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) {
      const line = buf.getLine(i);
      if (!line) continue;
      const s = line.translateToString(true);
      if (line.isWrapped && lines.length) lines[lines.length - 1] += s;
      else lines.push(s);
    }
    while (lines.length && !lines[lines.length - 1]) lines.pop();
    return lines.join('\n');
  }

  reset(): void {
    this.busy = false;
    this.term.reset();
  }

  private onData(data: string): void {
    if (this.busy) {
      if (data === '\x03') this.host.interrupt(this.id);
      return;
    }
    if (this.completing) {
      this.typeahead += data;
      return;
    }
    for (const r of this.editor.handle(data)) {
      if (r.clear) {
        this.term.clear();
        this.term.write(`\x1b[2K\r${PROMPT}${this.editor.text}`);
        continue;
      }
      this.term.write(r.echo);
      if (r.complete) {
        this.completing = true;
        this.host.complete(this.id, this.editor.text, this.editor.position).then(({ from, candidates }) => {
          this.completing = false;
          const c = this.editor.completeWith(from, candidates);
          this.term.write(c.echo);
          if (c.list) {
            // List the choices below, then draw the prompt and the line again with the cursor where it was.
            const back = this.editor.text.length - this.editor.position;
            this.term.write(`\r\n${c.list.join('  ')}\r\n${PROMPT}${this.editor.text}${back ? `\x1b[${back}D` : ''}`);
          }
          const rest = this.typeahead;
          this.typeahead = '';
          if (rest) this.onData(rest);
        });
        // Keys after Tab (in this chunk or typed meanwhile) wait for the completion.
        this.typeahead = r.rest ?? '';
        return;
      }
      if (r.interrupt) this.term.write(PROMPT);
      if (r.submit !== undefined) {
        this.host.history(this.id, this.editor.entries);
        if (!r.submit.trim()) {
          this.term.write(PROMPT);
          continue;
        }
        this.busy = true;
        this.host.exec(this.id, r.submit);
        return; // what was pasted after the line waits for the prompt
      }
    }
  }
}
