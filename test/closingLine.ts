// Prints the plain closing line CI reads ("N passed, N failed"), after vitest's own summary.
import type { Reporter, TestModule } from 'vitest/node';

export default class ClosingLine implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed') {
          failed++;
          if (process.env.DEBUG_CLOSING) process.stdout.write(`failed: ${t.fullName}\n`);
        } else skipped++;
      }
      if (m.state() === 'failed' && ![...m.children.allTests()].length) {
        failed++;
        if (process.env.DEBUG_CLOSING) process.stdout.write(`failed module: ${m.moduleId}\n`);
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
