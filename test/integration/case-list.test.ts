/**
 * The staff case list, from the store to the page (issue 12 item 6, issue 15 item 3): paged by an
 * opaque cursor, filtered, searched and sorted, with counts per status; never a case a staff
 * member is identified in. Against the local office (embedded dynalite), over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { summarise } from '../../shared/app/summary.ts';
import { loadCase } from '../../shared/app/pipeline.ts';
import { call, signIn } from '../support/http.ts';

const DIRECTIE = 'directie@hss.example.nl';

/** A spam complaint's summary, written straight to the store (filing 500 over HTTP would only be slower). */
async function spam(office: LocalOffice, template: string, n: number) {
  const found = (await loadCase(office.ctx, template))!;
  for (let i = 0; i < n; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, n - i) }, (_, j) => {
        const k = i + j;
        const ref = `HSS-2026-S${String(k).padStart(4, '0')}`;
        const state = { ...found.state, reference: ref, fields: { ...found.state.fields, name: `Spam ${k}` } };
        return office.ctx.store.putSummary(summarise(state, office.ctx.clock.now(), office.ctx.procedure, 1));
      }),
    );
  }
}

/** Every reference on every page, following `next` from the first page. */
async function walk(office: LocalOffice, token: string, query: string) {
  const refs: string[] = [];
  let url = `/api/staff/cases?${query}`;
  for (let pages = 0; pages < 100; pages++) {
    const r = await call(office, 'GET', url, { token });
    expect(r.status).toBe(200);
    const body = r.json();
    refs.push(...body.cases.map((c: { reference: string }) => c.reference));
    if (!body.next) return refs;
    url = `/api/staff/cases?${query}&cursor=${encodeURIComponent(body.next)}`;
  }
  throw new Error('more than 100 pages');
}

describe('the staff case list at scale', () => {
  let office: LocalOffice;
  let token: string;
  let first: string;
  let second: string;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    const file = async (name: string) => (await call(office, 'POST', '/api/complaints', { body: { name, email: 'klager@example.nl', topic: 'advies', description: 'Echte klacht.' } })).json().reference as string;
    first = await file('Anna de Vries');
    await spam(office, first, 500);
    second = await file('Bram Bakker');
    token = await signIn(office, DIRECTIE);
  }, 120_000);
  afterAll(() => office.close());

  it('one real complaint, 500 spam, one real: both real ones are reachable by paging', async () => {
    const refs = await walk(office, token, 'limit=100');
    expect(refs).toContain(first);
    expect(refs).toContain(second);
    expect(refs.length).toBe(502);
    expect(new Set(refs).size).toBe(502);
  });
});
