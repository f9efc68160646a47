import { defineConfig, type Plugin } from 'vite';

// The UI is written against React's API and runs on Preact's compatibility layer: the same
// components for a third of the bytes, which keeps first-load JS within budget (bench/page.ts,
// docs/benchmarks.md). Dropping these aliases runs it on React itself.
const preact = {
  react: 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/jsx-runtime',
};

/**
 * The entry starts the engine's worker and then imports the UI; tell the browser about the UI's
 * chunks and styles in the HTML, so they download beside the entry instead of after it.
 * (Starting the worker from an inline script in the HTML was measured too: no faster.)
 */
function preloadUi(): Plugin {
  return {
    name: 'preload-ui',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const entry = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry);
        if (!entry || entry.type !== 'chunk') return [];
        const ui = entry.dynamicImports.filter((f) => !/monaco|editor\.worker/i.test(f));
        return [
          ...ui.map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` },
            injectTo: 'head' as const,
          })),
          // The UI's styles too: otherwise they are only asked for once the entry runs, and the UI waits for them.
          ...ui.flatMap((f) => {
            const chunk = ctx.bundle?.[f];
            const css = chunk?.type === 'chunk' ? [...(chunk.viteMetadata?.importedCss ?? [])] : [];
            return css.map((c) => ({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: true, href: `./${c}` },
              injectTo: 'head' as const,
            }));
          }),
        ];
      },
    },
  };
}

export default defineConfig({
  base: './',
  resolve: { alias: preact },
  plugins: [preloadUi()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist' },
});
