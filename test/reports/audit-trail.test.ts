/**
 * The audit trail: every event of a case and every staff view, hash-chained; exported per case as
 * JSON (and a printable dossier), checked by `npm run audit -- verify <export>`; a change to one
 * event fails the check, naming the commit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitHash, GENESIS, type AuditExport } from '../../shared/policy/audit-chain.ts';
import { Office } from './support.ts';

const DIRECTIE = 'directie@hss.example.nl';
const KEYS = `a:${'s'.repeat(48)}`;

function audit(file: string, env: Record<string, string> = {}) {
  const { SIGNING_KEYS: _k, ...rest } = process.env;
  const r = spawnSync('npm', ['run', '--silent', 'audit', '--', 'verify', file], { cwd: process.cwd(), env: { ...rest, ...env }, encoding: 'utf8' });
  return { status: r.status, out: r.stdout };
}

describe('the audit trail of a case', () => {
  let o: Office;
  let directie: string;
  let ref: string;
  let dir: string;
  const saved = process.env.SIGNING_KEYS;

  beforeAll(async () => {
    // The office signs exports with this key (locally SIGNING_KEYS, on AWS the secret).
    process.env.SIGNING_KEYS = KEYS;
    o = await Office.start('hss', '2026-03-02T09:00:00.000Z');
    dir = mkdtempSync(join(tmpdir(), 'audit-'));
    directie = await o.signIn(DIRECTIE);
    ref = (await o.file({ name: 'Saskia Spreeuw', email: 'saskia@example.nl', topic: 'advies', description: 'Verkeerd advies over de Spreeuwenregeling.' })).reference;
    await o.get(`/api/staff/cases/${ref}`, directie);
    await o.act(directie, ref, { type: 'acknowledge' });
    await o.act(directie, ref, { type: 'note', text: 'Gebeld met de klager.' });
    await o.advanceTo('2026-03-20T09:00:00.000Z');
    await o.act(directie, ref, { type: 'waive-hearing', party: 'complainant', reason: 'declined' }); // the complainant declined a hearing (Awb 9:10 lid 2b)
    await o.act(directie, ref, { type: 'decide', outcome: 'gegrond', motivation: 'Het advies was onjuist.', measures: 'Werkinstructie aangepast.' });
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.SIGNING_KEYS;
    else process.env.SIGNING_KEYS = saved;
    rmSync(dir, { recursive: true, force: true });
    await o?.close();
  });

  it('chains every commit to the one before in the store', async () => {
    const commits = await o.ctx.store.load(ref);
    expect(commits.length).toBeGreaterThanOrEqual(5);
    let prev = GENESIS;
    for (const c of commits) {
      expect(c.prevHash).toBe(prev);
      expect(c.hash).toBe(commitHash(prev, c));
      prev = c.hash!;
    }
  });

  it('exports the case as JSON, recording the export itself as a view, and it verifies', async () => {
    const res = await o.call('GET', `/api/staff/cases/${ref}/export`, { token: directie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="audit-${ref}.json"`);
    const x = res.json<AuditExport>();
    expect(x).toMatchObject({ format: 'klachtenloket-audit/1', reference: ref, procedureId: 'hss', exportedBy: DIRECTIE, purpose: 'export' });
    const events = x.commits.flatMap((c) => c.events as { type: string; by?: string; what?: string }[]);
    expect(events.filter((e) => e.type === 'viewed')).toEqual([
      expect.objectContaining({ by: DIRECTIE }),
      expect.objectContaining({ by: DIRECTIE, what: 'export' }),
    ]);
    expect(x.head).toBe(x.commits.at(-1)!.hash);
    const file = join(dir, 'export.json');
    writeFileSync(file, JSON.stringify(x, null, 2));
    const ok = audit(file, { SIGNING_KEYS: KEYS });
    expect(ok.status).toBe(0);
    expect(ok.out).toBe(`OK: ${ref}, ${x.commits.length} commits, head ${x.head}; signature valid\n`);
    expect(audit(file).out).toContain('signature not checked');
  });

  it('fails verification when one event was changed, naming the commit', async () => {
    const x = (await o.call('GET', `/api/staff/cases/${ref}/export`, { token: directie })).json<AuditExport>();
    const i = x.commits.findIndex((c) => (c.events as { type: string }[]).some((e) => e.type === 'note-added'));
    const seq = x.commits[i]!.seq;
    const event = (x.commits[i]!.events as { type: string; text?: string }[]).find((e) => e.type === 'note-added')!;
    event.text = 'Niet gebeld.';
    const file = join(dir, 'tampered.json');
    writeFileSync(file, JSON.stringify(x));
    const r = audit(file);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`BROKEN: ${ref}, commit ${seq}: commit ${seq} was changed`);

    // History rewritten with fresh hashes holds together, but not under the office's signature.
    let prev = GENESIS;
    for (const c of x.commits) {
      c.prevHash = prev;
      c.hash = commitHash(prev, c);
      prev = c.hash;
    }
    x.head = prev;
    writeFileSync(file, JSON.stringify(x));
    expect(audit(file).status).toBe(0);
    const signed = audit(file, { SIGNING_KEYS: KEYS });
    expect(signed.status).toBe(1);
    expect(signed.out).toContain('signature does not match');

    // A commit taken out breaks the chain too.
    const removed = (await o.call('GET', `/api/staff/cases/${ref}/export`, { token: directie })).json<AuditExport>();
    removed.commits.splice(1, 1);
    writeFileSync(file, JSON.stringify(removed));
    expect(audit(file).out).toContain('commit 2 is missing or out of order');
    expect(audit(join(dir, 'nothing.json')).status).toBe(2);
  }, 60_000);

  it('prints a dossier for a committee, with every view and the chain checked; reading it is recorded', async () => {
    const page = await o.get<string>(`/staff/cases/${ref}/dossier`, directie);
    expect(page).toContain(`Dossier van klacht <span class="ref">${ref}</span>`);
    expect(page).toContain('Saskia Spreeuw');
    expect(page).toContain('onveranderd');
    expect(page).toContain(`Bekeken door ${DIRECTIE} (export)`);
    expect(page).toContain('Besluit: gegrond. Het advies was onjuist. Maatregelen: Werkinstructie aangepast.');
    const events = (await o.ctx.store.load(ref)).flatMap((c) => c.events as { type: string; what?: string }[]);
    expect(events.at(-1)).toMatchObject({ type: 'viewed', what: 'dossier' });
    const casePage = await o.get<string>(`/staff/cases/${ref}`, directie);
    expect(casePage).toContain(`/staff/cases/${ref}/dossier`);
    expect(casePage).toContain('Klacht definitief wissen');
  });

  it('an access request (AVG art. 15) is the export, recorded on the case and counted anonymously', async () => {
    const x = (await o.call('GET', `/api/staff/cases/${ref}/export?purpose=access`, { token: directie })).json<AuditExport>();
    expect(x.purpose).toBe('access-request');
    expect(x.commits.at(-1)!.events).toEqual([expect.objectContaining({ type: 'viewed', what: 'access-request' })]);
    expect((await o.get(`/api/staff/reports/2026-Q1`, directie)).figures.privacy).toEqual({ purged: 0, erased: 0, access: 1 });
  });
});
