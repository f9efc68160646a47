// One terminal pane: xterm.js for the screen, the LineEditor for the prompt, and the worker for
// running what is typed. While a command runs, only Ctrl-C reaches it (as in a shell without
// type-ahead); output is written the moment the worker sends it.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { LineEditor } from './lineEditor.ts';

const PROMPT = '\x1b[32m$\x1b[0m ';

export interface TerminalHost {
  exec(terminal: string, line: string): void;
  interrupt(terminal: string): void;
}

export class XtermView {
  readonly term: Terminal;
  private readonly fit = new FitAddon();
  private readonly editor: LineEditor;
  private busy = false;

  constructor(
    readonly id: string,
    element: HTMLElement,
    private readonly host: TerminalHost,
    history: string[],
    private readonly onHistory: (entries: readonly string[]) => void,
  ) {
    this.editor = new LineEditor(history);
    this.term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: 14,
      scrollback: 5000,
      theme: { background: '#111418' },
    });
    this.term.loadAddon(this.fit);
    this.term.open(element);
    this.fit.fit();
    new ResizeObserver(() => this.fit.fit()).observe(element);
    this.term.onData((data) => this.onData(data));
  }

  /** Text from the worker for this terminal. */
  write(text: string): void {
    this.term.write(text);
  }

  prompt(): void {
    this.busy = false;
    this.term.write(PROMPT);
  }

  private onData(data: string): void {
    if (this.busy) {
      if (data === '\x03') this.host.interrupt(this.id);
      return;
    }
    for (const r of this.editor.handle(data)) {
      if (r.clear) {
        this.term.clear();
        this.term.write(`\x1b[2K\r${PROMPT}${this.editor.text}`);
        continue;
      }
      this.term.write(r.echo);
      if (r.interrupt) this.term.write(PROMPT);
      if (r.submit !== undefined) {
        this.onHistory(this.editor.entries);
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
