// Go's text/tabwriter as etcdctl configures it for help texts (minwidth 0, tabwidth 8,
// padding 1, padchar '\t'): tab-terminated cells of consecutive lines form columns, each column
// as wide as its widest cell plus the padding, rounded up to whole tabs, padded with tabs.

interface Options {
  minwidth: number;
  tabwidth: number;
  padding: number;
}

const ETCDCTL_HELP: Options = { minwidth: 0, tabwidth: 8, padding: 1 };

export function tabwrite(text: string, opts: Options = ETCDCTL_HELP): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const widths: number[] = [];
  let out = '';
  formatIter(lines, widths, opts, (s) => (out += s));
  return out;
}

/**
 * Go's tabwriter.format: a column block starts at the first line with a cell in this column and
 * ends at the first line without one; inside it, the next column is formatted the same way.
 */
function formatIter(lines: string[][], widths: number[], opts: Options, emit: (s: string) => void): void {
  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i];
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        emit(c);
        if (j < widths.length && j < cells.length - 1) {
          const cellw = Math.ceil(widths[j] / opts.tabwidth) * opts.tabwidth;
          const n = cellw - [...c].length;
          emit('\t'.repeat(Math.ceil(n / opts.tabwidth)));
        }
      }
      if (i < lines.length - 1) emit('\n');
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let t = line0;
    while (t < line1) {
      if (column >= lines[t].length - 1) {
        t++;
        continue;
      }
      writeLines(line0, t);
      line0 = t;
      let width = opts.minwidth;
      for (; t < line1; t++) {
        const cells = lines[t];
        if (column >= cells.length - 1) break;
        const w = [...cells[column]].length + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
}
