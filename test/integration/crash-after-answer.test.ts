/**
 * Intake answers before its effects run (issue 14 item 3). Nothing a complainant sent or was
 * promised may be lost when the process dies in between: the office (`npm start`, as a child
 * process) is killed with SIGKILL right after the 201, before its queue carries out the effects
 * (EFFECTS_DELAY_MS holds them, so the window is certain, not a race), then started again on the
 * same data: the sweep at start-up sends the receipt, exactly once, and sets the timers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { withFormToken } from '../support/http.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMPLAINANT = 'crash@example.nl';

/** Starts `infra/local/main.ts` on `dir`; resolves with its URL once it listens and has swept. */
function startOffice(dir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SMTP_PORT: '0', DATA_DIR: dir, FORM_MIN_FILL_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Klachtformulier:\s+(http:\/\/\S+?)\/\s/.exec(out)?.[1];
      if (url) resolve({ child, url: url.replace('//localhost:', '//127.0.0.1:') });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`the office stopped before it listened (${code ?? signal}):\n${out}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));

const receiptsIn = (mails: { to: string[]; subject: string }[], ref: string) => mails.filter((m) => m.to.includes(COMPLAINANT) && m.subject.includes(ref));

describe('a crash between the answer and its effects', () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-crash-'));
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all(children.map(exited));
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing: after a restart the receipt arrives exactly once and the terms have their timers', async () => {
    const first = await startOffice(dir, { EFFECTS_DELAY_MS: '60000' });
    children.push(first.child);
    const res = await fetch(`${first.url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await withFormToken(first.url, { email: COMPLAINANT, topic: 'advies', description: 'Ik kreeg verkeerd advies.', submissionId: 'crash-test-0001' })),
    });
    expect(res.status).toBe(201);
    const { reference } = (await res.json()) as { reference: string };
    first.child.kill('SIGKILL');
    await exited(first.child);
    // Killed before its effects: nothing was sent.
    const outboxFile = join(dir, 'outbox.jsonl');
    expect(existsSync(outboxFile) ? readFileSync(outboxFile, 'utf8') : '').not.toContain(reference);

    const second = await startOffice(dir);
    children.push(second.child);
    const outbox = async () => (await (await fetch(`${second.url}/_local/outbox`)).json()) as { to: string[]; subject: string }[];
    expect(receiptsIn(await outbox(), reference)).toHaveLength(1);
    const clock = (await (await fetch(`${second.url}/_local/clock`)).json()) as { deadlines: { caseRef: string }[] };
    expect(clock.deadlines.filter((d) => d.caseRef === reference).length).toBeGreaterThan(0);
    // The same submission again is the same complaint, and another sweep sends nothing twice.
    const again = await fetch(`${second.url}/api/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await withFormToken(second.url, { email: COMPLAINANT, topic: 'advies', description: 'Ik kreeg verkeerd advies.', submissionId: 'crash-test-0001' })),
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { reference: string }).reference).toBe(reference);
    await fetch(`${second.url}/_local/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advanceBy":"PT1S"}' });
    expect(receiptsIn(await outbox(), reference)).toHaveLength(1);
    second.child.kill('SIGTERM');
    await exited(second.child);
  }, 120_000);
});
