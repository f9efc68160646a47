import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './e2e/chromium.ts';

// Debian's Chromium, never a downloaded browser (downloads fail here and in CI).
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  outputDir: 'test-results',
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    screenshot: 'on',
    launchOptions: CHROMIUM,
  },
  webServer: {
    // The built app, served from its own files: what a learner gets offline.
    command: 'npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
