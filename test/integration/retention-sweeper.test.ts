/**
 * On AWS the sweeper's daily run does what the local office does on every clock move: it deletes
 * the cases whose retention has passed, finishes deletions a crash interrupted, and sends the
 * periodic reports that are due. The five-minute runs only finish effects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSweeperFunction } from '../../functions/sweeper.ts';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { withFormToken } from '../support/http.ts';
import { execute, loadCase } from '../../shared/app/pipeline.ts';
import { PURGED_STATUS } from '../../shared/policy/retention.ts';
import { purgeExpired } from '../../shared/app/use-cases/purge-expired.ts';

const FUNCTIONARIS = { kind: 'staff', email: 'klachtenfunctionaris@buroleerlingenhulp.example.nl' } as const;

async function file(office: LocalOffice, n: string): Promise<string> {
  const res = await fetch(office.url + '/api/complaints', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(await withFormToken(office.url, { childName: 'K', name: `Ouder ${n}`, address: 'Laan 1', phone: '06-1', email: `o${n}@example.nl`, eventDate: '2026-01-02', description: 'x' })),
  });
  const { reference } = (await res.json()) as { reference: string };
  await office.idle(); // intake's effects run after its answer
  return reference;
}

describe('the sweeper’s daily run: retention and reports', () => {
  let office: LocalOffice;
  let closed: string;
  let open: string;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/buro-leerlingenhulp.yaml', port: 0, clockStart: '2026-01-05T09:00:00.000Z', minFillMs: 0 });
    closed = await file(office, '1');
    open = await file(office, '2');
    await office.ctx.blobs.put(`cases/${closed}/attachments/abc`, Buffer.from('x'), 'text/plain');
    await execute(office.ctx, closed, { type: 'waive-hearing', actor: FUNCTIONARIS, party: 'complainant', reason: 'declined' });
    const r = await execute(office.ctx, closed, { type: 'decide', actor: FUNCTIONARIS, outcome: 'gegrond', motivation: 'm', measures: '' });
    expect(r.ok).toBe(true);
  });
  afterAll(() => office.close());

  it('the five-minute run leaves retention alone; the daily run deletes what is due and sends the yearly overview', async () => {
    // Two years and a day later, without the local office's own housekeeping (no advanceTo).
    office.clock.set('2028-01-06T03:30:00.000Z');
    const sweeper = createSweeperFunction(async () => office.ctx);
    expect(await sweeper({})).toEqual({ commits: 0, failed: 0 });
    expect(await loadCase(office.ctx, closed)).toBeDefined();

    const before = office.outbox.messages.length;
    const daily = await sweeper({ reconcile: true });
    expect(daily).toMatchObject({ commits: 0, failed: 0, purged: 1, reports: 2 });
    expect(await loadCase(office.ctx, closed)).toBeUndefined();
    expect(await office.ctx.blobs.get(`cases/${closed}/attachments/abc`)).toBeUndefined();
    expect(await loadCase(office.ctx, open)).toBeDefined();
    // The yearly overview for 2026 and 2027, to the complaints officer, each once.
    expect(office.outbox.messages.slice(before).map((m) => [m.to[0]!.email, m.subject])).toEqual([
      ['klachtenfunctionaris@buroleerlingenhulp.example.nl', 'Jaaroverzicht klachten: 2026'],
      ['klachtenfunctionaris@buroleerlingenhulp.example.nl', 'Jaaroverzicht klachten: 2027'],
    ]);
    expect(await sweeper({ reconcile: true })).toMatchObject({ purged: 0, reports: 0 });
  });

  it('finishes a deletion that was interrupted after the case was marked deleted', async () => {
    const ref = await file(office, '3');
    await office.ctx.blobs.put(`cases/${ref}/attachments/def`, Buffer.from('y'), 'text/plain');
    const found = (await loadCase(office.ctx, ref))!;
    // As far as a crash got: the mark and the summary, nothing else.
    await office.ctx.store.markDeleted(ref, office.clock.now());
    await office.ctx.store.putSummary({ caseRef: ref, procedureId: 'buro-leerlingenhulp', status: PURGED_STATUS, stage: found.state.stage, receivedAt: found.state.receivedAt, updatedAt: office.clock.now(), data: { purge: 'erasure', at: office.clock.now(), grounds: 'verzoek-betrokkene' } });
    expect(await loadCase(office.ctx, ref)).toBeUndefined();
    // A timer of the case firing meanwhile changes nothing.
    const timer = office.deadlines.list().find((d) => d.caseRef === ref)!;
    expect(await execute(office.ctx, ref, { type: 'expire-term', actor: { kind: 'system' }, instance: timer.instance })).toMatchObject({ ok: false });

    expect(await purgeExpired(office.ctx)).toEqual({ purged: 1, failed: 0 });
    expect(await office.ctx.store.load(ref, { includeDeleted: true })).toEqual([]);
    expect(await office.ctx.store.getSummary(ref)).toBeUndefined();
    expect(await office.ctx.blobs.get(`cases/${ref}/attachments/def`)).toBeUndefined();
    expect(office.deadlines.list().filter((d) => d.caseRef === ref)).toEqual([]);
    const privacy = await office.ctx.store.listLedger('privacy', '2028');
    expect(privacy.map((p) => p.data)).toEqual(expect.arrayContaining([{ kind: 'erased', grounds: 'verzoek-betrokkene' }]));
  });
});
