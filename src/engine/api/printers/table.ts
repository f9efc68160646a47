// etcdctl's "table" output. The KV and lease commands have no table form in etcdctl 3.4: they
// fail with "table not supported as output format" (exit 4), after the request ran.
import type { Printer } from './printer.ts';
import { UnsupportedFormat } from './printer.ts';

export class TablePrinter implements Printer {
  constructor(readonly out: (s: string) => void) {}

  private unsupported(): never {
    throw new UnsupportedFormat('table');
  }

  get(): void {
    this.unsupported();
  }
  put(): void {
    this.unsupported();
  }
  del(): void {
    this.unsupported();
  }
  txn(): void {
    this.unsupported();
  }
  watch(): void {
    this.unsupported();
  }
  grant(): void {
    this.unsupported();
  }
  revoke(): void {
    this.unsupported();
  }
  keepAlive(): void {
    this.unsupported();
  }
  timeToLive(): void {
    this.unsupported();
  }
  leases(): void {
    this.unsupported();
  }
}

/** An ASCII table as etcdctl draws one (tablewriter): cells right-aligned, headers centered. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const sep = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+\n';
  const center = (s: string, w: number) => {
    const left = Math.floor((w - s.length) / 2);
    return ' '.repeat(left) + s + ' '.repeat(w - s.length - left);
  };
  let out = sep + '|' + headers.map((h, i) => ` ${center(h, widths[i])} `).join('|') + '|\n' + sep;
  for (const r of rows) out += '|' + widths.map((w, i) => ` ${(r[i] ?? '').padStart(w)} `).join('|') + '|\n';
  return out + sep;
}
