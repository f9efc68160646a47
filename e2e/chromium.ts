// Debian's Chromium as every browser run here launches it (the e2e tests and bench/page.ts):
// never a downloaded browser, since downloads fail here and in CI.
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};
