/**
 * Launches Debian's Chromium through playwright-core (the Playwright-managed browsers cannot be
 * downloaded here). A missing browser is an error, never a reason to skip: the browser tests must fail.
 */
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

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

/** axe with the WCAG 2.1 A/AA rules; only serious and critical findings fail the test (all are printed). */
export async function expectAccessible(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const describe = (vs: typeof bad) =>
    vs.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
  if (result.violations.length > bad.length) console.warn(`axe (${what}), minor findings:\n${describe(result.violations.filter((v) => !bad.includes(v)))}`);
  expect(bad, `axe found serious/critical violations on ${what}:\n${describe(bad)}`).toEqual([]);
}
