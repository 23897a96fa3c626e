import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium: no browser download is possible on these machines. */
export const CHROMIUM = '/usr/bin/chromium';

export const chromiumMissing = !fs.existsSync(CHROMIUM);
/** In CI a missing browser is a failure; on a workstation the walk is skipped with a notice. */
export const mustHaveChromium = process.env.CI === 'true';

if (chromiumMissing && !mustHaveChromium)
  console.warn(
    `\n[e2e] NOTICE: ${CHROMIUM} not found — the end-to-end walks are SKIPPED. ` +
      'Install Debian’s chromium (apt-get install chromium fonts-noto-cjk) to run them.\n',
  );

export function launchBrowser(): Promise<Browser> {
  if (chromiumMissing)
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (CI=true requires the e2e walks).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
