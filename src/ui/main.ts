// The entry: start the engine's worker first, so it downloads and boots while the page's own
// code (React, xterm.js, the panels) loads beside it, not after it.
const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
const { mount } = await import('./app.tsx');
mount(worker);
