// The entry: start the engine's worker and its cluster first, so the worker downloads and boots
// while the page's own code (React, xterm.js, the panels) loads beside it, not after it.
import { earlyStart } from './earlyStart.ts';

const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
const early = earlyStart(worker);
const { mount } = await import('./app.tsx');
mount(worker, early);
