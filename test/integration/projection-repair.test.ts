/**
 * Issue 12 item 7: a crash between a commit and its projection (the case summary behind the staff
 * list and the register) must not leave the case off both for good. Projecting is an effect stored
 * with the commit, so the sweeper finds it pending and puts the case back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { buildRegister } from '../../shared/app/reports/register.ts';
import { staffMember } from '../../shared/staff/auth.ts';
import { listCases } from '../../shared/app/case-list.ts';
import { call } from '../support/http.ts';


describe('a crash between commit and projection', () => {
  let office: LocalOffice;
  beforeEach(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-02-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterEach(() => office.close());

  it('is repaired by the sweeper: the case is back on the staff list and in the register', async () => {
    const store = office.ctx.store;
    const putSummary = store.putSummary;
    // The process "dies" at the projection: every attempt to write the summary fails.
    store.putSummary = async () => {
      throw new Error('crashed before the projection');
    };
    const r = await call(office, 'POST', '/api/complaints', { body: { email: 'jan@example.nl', topic: 'advies', description: 'Verkeerd advies.' } });
    expect(r.status).toBe(201);
    const { reference } = r.json();
    await office.idle();
    expect(await store.getSummary(reference)).toBeUndefined();
    expect(await store.pendingCommits()).toEqual([{ caseRef: reference, seq: 1 }]);

    store.putSummary = putSummary;
    await office.sweep();
    expect(await store.pendingCommits()).toEqual([]);
    const directie = staffMember(office.ctx.procedure, 'directie@hss.example.nl')!;
    expect(JSON.stringify(await listCases(office.ctx, directie, { sort: 'due', limit: 25 }))).toContain(reference);
    const register = await buildRegister(office.ctx, directie, '2026');
    expect(JSON.stringify(register)).toContain(reference);
  });

  it('never lets an older commit’s projection replace a newer one', async () => {
    const r = await call(office, 'POST', '/api/complaints', { body: { email: 'jan@example.nl', topic: 'advies', description: 'Verkeerd advies.' } });
    const { reference } = r.json();
    await office.idle();
    const summary = (await office.ctx.store.getSummary(reference))!;
    await office.ctx.store.putSummary({ ...summary, status: 'closed', seq: 2 });
    await office.ctx.store.putSummary({ ...summary, seq: 1 });
    expect((await office.ctx.store.getSummary(reference))!.status).toBe('closed');
  });
});
