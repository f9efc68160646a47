// The conformance case format (../shared/conformance/README.md): one command per line, comments,
// heredocs spanning lines, `cmd &` background jobs numbered as bash numbers them, `kill %N`.

export interface CaseCommand {
  text: string;
  kind: 'run' | 'bg' | 'kill';
  job?: number;
}

const HEREDOC = /(?<!<)<<(?!<)(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;

export function parseCase(text: string): CaseCommand[] {
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const commands: CaseCommand[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i++];
    const st = line.trim();
    if (!st || st.startsWith('#')) continue;
    const h = HEREDOC.exec(line);
    if (h) {
      const body = [line];
      while (i < lines.length) {
        const l = lines[i++];
        body.push(l);
        if ((h[1] === '-' ? l.replace(/^\t+/, '') : l) === h[3]) break;
      }
      commands.push({ text: body.join('\n'), kind: 'run' });
      continue;
    }
    commands.push({ text: line, kind: 'run' });
  }
  const live = new Set<number>();
  for (const c of commands) {
    const k = /^kill\s+%(\d+)\s*$/.exec(c.text.trim());
    if (k) {
      c.kind = 'kill';
      c.job = Number(k[1]);
      live.delete(c.job);
    } else if (!c.text.includes('\n') && /^(.*[^&])&\s*$/.test(c.text)) {
      c.kind = 'bg';
      c.job = live.size ? Math.max(...live) + 1 : 1;
      live.add(c.job);
    }
  }
  return commands;
}

export interface TranscriptEntry {
  command: string;
  output: string;
  exitCode: number;
}

export function renderTranscript(entries: TranscriptEntry[]): string {
  let out = '';
  for (const { command, output, exitCode } of entries) {
    out += '$ ' + command + '\n' + output;
    if (output && !output.endsWith('\n')) out += '\n[no newline]\n';
    if (exitCode) out += '[exit ' + exitCode + ']\n';
  }
  return out;
}
