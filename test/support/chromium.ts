/**
 * Which Chromium the browser tests run, in this order: `CHROMIUM_PATH`; the system's
 * `/usr/bin/chromium` (Debian's package); otherwise the Chromium that arrives with `npm ci` inside
 * `@sparticuz/chromium`, so `npm test` needs nothing but Node.js (Linux x64/arm64).
 *
 * The npm Chromium is brotli-packed; it is unpacked once per package version into
 * node_modules/.cache (no root, kept between runs). Test files run in parallel workers, so the
 * unpacking holds a lock directory and marks the folder complete only when every file is written:
 * a second worker waits instead of starting a half-written binary.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Flags for a system Chromium: headless, no sandbox (tests run as root in CI), nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  /** Said in the test output, so a run shows which browser it used. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOCK_WAIT_MS = 120_000;

export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`);
    return { executablePath: env.CHROMIUM_PATH, args: CHROMIUM_ARGS, source: 'CHROMIUM_PATH' };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS, source: 'system' };
  const { default: packed } = await import('@sparticuz/chromium');
  // Not the package's own flags: they are made for Lambda (--single-process, which dies when a test
  // closes one of several browser contexts; --disable-web-security, which would hide what CSP does).
  return { executablePath: await unpackOnce(packed), args: CHROMIUM_ARGS, source: '@sparticuz/chromium' };
}

async function unpackOnce(packed: { executablePath(): Promise<string> }): Promise<string> {
  const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json'), 'utf8')) as { version: string }).version;
  const dir = join(PROJECT_ROOT, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  const done = join(dir, '.complete');
  if (existsSync(done)) return join(dir, 'chromium');
  const lock = `${dir}.lock`;
  await acquire(lock);
  try {
    if (!existsSync(done)) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      // The package unpacks into os.tmpdir(), which follows TMPDIR: point it at our folder meanwhile.
      const tmp = process.env.TMPDIR;
      process.env.TMPDIR = dir;
      try {
        await packed.executablePath();
      } finally {
        if (tmp === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = tmp;
      }
      writeFileSync(done, new Date().toISOString());
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return join(dir, 'chromium');
}

/** mkdir is atomic: whoever makes the lock directory unpacks; a lock older than the wait is left over from a killed run. */
async function acquire(lock: string) {
  mkdirSync(dirname(lock), { recursive: true });
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > LOCK_WAIT_MS) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > until) throw new Error(`waited ${LOCK_WAIT_MS / 1000} s for ${lock}`);
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
}
