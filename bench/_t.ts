import { terminal } from '../test/helpers.ts';

const t = terminal();
for (const l of process.argv.slice(2)) {
  const r = t.exec(l);
  process.stdout.write(`$ ${l}\n${r.output}[${r.exitCode}]\n`);
}
