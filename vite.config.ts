import { defineConfig } from 'vite';

// The UI is written against React's API and runs on Preact's compatibility layer: the same
// components for a third of the bytes, which keeps first-load JS within budget (bench/page.ts,
// docs/benchmarks.md). Dropping these aliases runs it on React itself.
const preact = {
  react: 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/jsx-runtime',
};

export default defineConfig({
  base: './',
  resolve: { alias: preact },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist' },
});
