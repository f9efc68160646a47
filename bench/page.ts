// npm run bench:page (also part of npm run bench): the page in headless Chromium, against a
// React + xterm.js baseline page built and measured in the same run.
//
//   first-load JS (gzip)        every script the page loads before its terminal is ready,
//                               the engine's worker included, vs the baseline    target ≤ 1.3×
//   terminal ready              navigation to the terminal taking commands       target ≤ 1.3×
//   etcdctl put → OK            typed at 1×, p95 of 200, vs one 60 Hz frame       target ≤ 1×
//   cluster view, 7 members     p95 frame time with every message animating at 1×,
//                               vs a 20 ms frame (50 fps)                         target ≤ 1×
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM } from '../e2e/chromium.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
    }),
  );
}

/** tsx keeps function names with a helper the page does not have: give it one. */
async function newContext(browser: Browser, opts: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(opts);
  await context.addInitScript('globalThis.__name = (f) => f');
  return context;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** Load a page in a fresh profile: the gzip size of every script it loaded, and when its terminal was ready. */
async function firstLoad(
  browser: Browser,
  url: string,
  dir: string,
): Promise<{ jsGz: number; readyMs: number; files: string[] }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const files = new Set<string>();
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js')) files.add(u.pathname);
  });
  await page.goto(url);
  const readyMs = await page.evaluate(
    () =>
      new Promise<number>((ok) => {
        const check = () => {
          const m = performance.getEntriesByName('terminal-ready')[0];
          if (m) ok(m.startTime);
          else setTimeout(check, 5);
        };
        check();
      }),
  );
  await context.close();
  let jsGz = 0;
  for (const f of files) jsGz += gzipSync(readFileSync(join(dir, f))).length;
  return { jsGz, readyMs, files: [...files] };
}

interface PlaygroundHook {
  xterm(title: string): {
    input(data: string, wasUserInput?: boolean): void;
    onWriteParsed(f: () => void): { dispose(): void };
    buffer: {
      active: {
        cursorY: number;
        baseY: number;
        getLine(i: number): { translateToString(trim?: boolean): string } | undefined;
      };
    };
  };
}

/** Type `etcdctl put` n times at 1×: ms from Enter to OK on the screen. */
async function typing(browser: Browser, url: string, n: number): Promise<number[]> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('article[data-role="leader"]').waitFor();
  const times = await page.evaluate(async (n) => {
    const term = (globalThis as unknown as { etcdPlayground: PlaygroundHook }).etcdPlayground.xterm('terminal 1');
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await new Promise<void>((ok) => {
        const sub = term.onWriteParsed(() => {
          const b = term.buffer.active;
          const y = b.baseY + b.cursorY;
          // This command's line, then OK under it (an earlier OK must not count).
          for (let j = y; j >= Math.max(1, y - 3); j--)
            if (
              b.getLine(j)?.translateToString(true) === 'OK' &&
              b
                .getLine(j - 1)
                ?.translateToString(true)
                .endsWith(`etcdctl put foo bar${i}`)
            ) {
              sub.dispose();
              ok();
              return;
            }
        });
        term.input(`etcdctl put foo bar${i}\r`, true);
      });
      out.push(performance.now() - t0);
      // Let the prompt come back before the next line.
      await new Promise((r) => setTimeout(r, 20));
    }
    return out;
  }, n);
  await context.close();
  return times;
}

/** Frame times of the page with a 7-member cluster, messages animating at 0.1× speed. */
async function frames(browser: Browser, url: string): Promise<{ p95: number; fps: number; messages: number }> {
  const context = await newContext(browser, { viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${url}?members=7`);
  await page.locator('article[data-role="leader"]').waitFor();
  // At 1× every message sent is drawn (stretched to be visible): the busiest the picture gets.
  const r = await page.evaluate(
    () =>
      new Promise<{ deltas: number[]; messages: number }>((ok) => {
        const deltas: number[] = [];
        let last = performance.now();
        let messages = 0;
        const end = last + 4000;
        const frame = (t: number) => {
          deltas.push(t - last);
          last = t;
          messages = Math.max(messages, document.querySelectorAll('figure.network circle[r="3.5"]').length);
          if (t < end) requestAnimationFrame(frame);
          else ok({ deltas: deltas.slice(5), messages });
        };
        requestAnimationFrame(frame);
      }),
  );
  await context.close();
  return {
    p95: p95(r.deltas),
    fps: 1000 / (r.deltas.reduce((a, b) => a + b, 0) / r.deltas.length),
    messages: r.messages,
  };
}

async function main(): Promise<void> {
  const appDir = join(ROOT, 'dist');
  const baseDir = join(ROOT, 'node_modules', '.cache', 'bench-baseline');
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error' });
  await build({
    root: join(ROOT, 'bench', 'baseline'),
    configFile: false,
    base: './',
    logLevel: 'error',
    build: { target: 'es2022', outDir: baseDir, emptyOutDir: true },
  });
  const app = await serve(appDir);
  const base = await serve(baseDir);
  const browser = await chromium.launch(CHROMIUM);
  try {
    const ours: Awaited<ReturnType<typeof firstLoad>>[] = [];
    const theirs: Awaited<ReturnType<typeof firstLoad>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      theirs.push(await firstLoad(browser, base.url, baseDir));
      ours.push(await firstLoad(browser, app.url, appDir));
    }
    const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
    const jsOurs = ours[0].jsGz;
    const jsBase = theirs[0].jsGz;
    const readyOurs = median(ours.map((r) => r.readyMs));
    const readyBase = median(theirs.map((r) => r.readyMs));
    const typed = await typing(browser, app.url, 200);
    const fr = await frames(browser, app.url);
    const rows = [
      ['first-load JS (gzip)', kib(jsOurs), kib(jsBase), jsOurs / jsBase, '≤ 1.3×'],
      [
        'terminal ready (median)',
        `${readyOurs.toFixed(0)} ms`,
        `${readyBase.toFixed(0)} ms`,
        readyOurs / readyBase,
        '≤ 1.3×',
      ],
      ['put → OK at 1× (p95 of 200)', `${p95(typed).toFixed(1)} ms`, '16.7 ms (a frame)', p95(typed) / 16.7, '≤ 1×'],
      [
        '7 members, 1×, every message drawn: p95 frame',
        `${fr.p95.toFixed(1)} ms (${fr.fps.toFixed(0)} fps, ≤${fr.messages} msgs drawn)`,
        '20 ms (50 fps)',
        fr.p95 / 20,
        '≤ 1×',
      ],
    ] as const;
    console.log('\n| measure | playground | baseline (same run) | ratio | target |');
    console.log('|---|---|---|---|---|');
    for (const [what, a, b, ratio, target] of rows)
      console.log(`| ${what} | ${a} | ${b} | ${ratio.toFixed(2)}× | ${target} |`);
    console.log(`\nscripts loaded by the playground: ${ours[0].files.join(', ')}`);
    console.log(
      `put → OK: median ${median(typed).toFixed(1)} ms, p95 ${p95(typed).toFixed(1)} ms, max ${Math.max(...typed).toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
    app.server.close();
    base.server.close();
  }
}

await main();
