/**
 * "Te versturen brieven" finds a letter among many cases: it reads the cases with letters waiting
 * through their own index, not the first few hundred summaries per status. Local office (dynalite).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { loadCase } from '../../shared/app/pipeline.ts';
import type { CaseSummary } from '../../shared/store/port.ts';
import { call, signIn } from '../support/http.ts';

const ANNA = 'anna.devries@benindebuurt.example.nl';
const PIETER = 'pieter.bakker@benindebuurt.example.nl';
const FILLERS = 620;

/** A running case without letters, more urgent than any real one, so it sorts first in every status list. */
const filler = (i: number): CaseSummary => ({
  caseRef: `VUL-${String(i).padStart(4, '0')}`,
  procedureId: 'ben-in-de-buurt',
  status: 'open',
  stage: 'manager',
  receivedAt: '2020-01-01T09:00:00.000Z',
  nextDueAt: `2020-02-01T09:${String(i % 60).padStart(2, '0')}:00.000Z`,
  updatedAt: '2020-01-01T09:00:00.000Z',
  seq: 1,
  data: {},
});

describe('letters waiting to be posted, among more than 600 cases', () => {
  let office: LocalOffice;
  let anna: string;
  let ref: string;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/ben-in-de-buurt.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    anna = await signIn(office, ANNA);
    const r = await call(office, 'POST', '/api/staff/complaints', {
      token: anna,
      body: { channel: 'in-person', name: 'Henk de Boer', address: 'Kerkstraat 12\n1234 AB Buurtdorp', eventDate: '2026-02-20', topic: 'bejegening', employeeName: 'Pieter Bakker', description: 'Hij luisterde niet.' },
    });
    expect(r.status).toBe(201);
    ref = r.json().reference;
    for (let i = 0; i < FILLERS; i += 50) await Promise.all(Array.from({ length: Math.min(50, FILLERS - i) }, (_, j) => office.ctx.store.putSummary(filler(i + j))));
  }, 120_000);
  afterAll(() => office.close());

  const letters = async (token: string) => (await call(office, 'GET', '/api/staff/letters', { token })).json().letters as { reference: string; letter: string }[];

  it('lists the one case with a letter', async () => {
    expect((await office.ctx.store.listSummaries({ status: 'open' })).length).toBeGreaterThan(600);
    expect(await letters(anna)).toEqual([expect.objectContaining({ reference: ref, letter: 'L1' })]);
  });

  it('still hides it from the staff member it is about', async () => {
    const named = (await loadCase(office.ctx, ref))!.state.parties.find((x) => x.role === 'complained-about')!;
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token: anna, body: { type: 'identify-party', party: named.id, staff: PIETER } })).status).toBe(200);
    expect(await letters(await signIn(office, PIETER))).toEqual([]);
    expect((await letters(anna)).map((l) => l.reference)).toContain(ref);
  });

  it('a letter marked posted leaves the list; the case leaves the index with its last one', async () => {
    for (const l of await letters(anna)) {
      expect((await call(office, 'POST', `/api/staff/letters/${l.reference}/${l.letter}`, { token: anna, body: { on: '2026-03-02' } })).status).toBe(200);
    }
    expect(await letters(anna)).toEqual([]);
    expect(await office.ctx.store.listWithLetters({})).toEqual([]);
  });
});
