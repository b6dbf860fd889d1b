/**
 * Launches Debian's Chromium through playwright-core (the Playwright-managed browsers cannot be
 * downloaded here). A missing browser is an error, never a reason to skip: the browser tests must fail.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install -y chromium) — .ci/run does this. Set CHROMIUM_PATH to use another binary.`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
