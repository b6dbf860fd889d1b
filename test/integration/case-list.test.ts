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
import { COUNTS_FRESH_MS, countsFor } from '../../shared/app/case-list.ts';
import { staffMember } from '../../shared/staff/auth.ts';

const DIRECTIE = 'directie@hss.example.nl';
const MEDEWERKER = 'medewerker@hss.example.nl';

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

  it('finds both real ones by the complainant\'s name and by (part of) the reference, in any case', async () => {
    expect(await walk(office, token, 'q=Bram')).toEqual([second]);
    expect(await walk(office, token, `q=${encodeURIComponent('anna DE vries')}`)).toEqual([first]);
    expect(await walk(office, token, `q=${first.toLowerCase()}`)).toEqual([first]);
    expect(await walk(office, token, `q=${second.slice(-5)}`)).toContain(second);
  });

  it('pages stay complete and without duplicates while new cases arrive', async () => {
    const before = await walk(office, token, 'limit=100');
    const seen: string[] = [];
    let url = '/api/staff/cases?limit=40';
    for (let n = 0; ; n++) {
      const body = (await call(office, 'GET', url, { token })).json();
      seen.push(...body.cases.map((c: { reference: string }) => c.reference));
      if (!body.next) break;
      // Between pages, complaints arrive: some sort before the cursor, some after.
      await spamAt(office, first, `N${n}`, ['2026-03-01T00:00:00.000Z', '2026-03-30T00:00:00.000Z']);
      url = `/api/staff/cases?limit=40&cursor=${encodeURIComponent(body.next)}`;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const ref of before) expect(seen).toContain(ref);
  });

  it('answers the JSON shape, and 400 naming the field for a bad cursor, limit or filter', async () => {
    const r = await call(office, 'GET', '/api/staff/cases?limit=2', { token });
    const body = r.json();
    expect(Object.keys(body).sort()).toEqual(['cases', 'counts', 'next', 'undeliverable', 'unseenHeld']);
    expect(body.cases).toHaveLength(2);
    expect(body.cases[0]).toMatchObject({ reference: expect.any(String), status: 'open', stage: 'directie', receivedOn: '2026-03-02', complainant: expect.any(String) });
    expect(body.counts).toMatchObject({ open: expect.any(Number), 'to-complete': 0, decided: 0 });
    expect(body.next).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = (await call(office, 'GET', `/api/staff/cases?limit=2&cursor=${body.next}`, { token })).json();
    expect(second.previous).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(second.cases[0].reference).not.toBe(body.cases[0].reference);
    const back = (await call(office, 'GET', `/api/staff/cases?limit=2&cursor=${second.previous}`, { token })).json();
    expect(back.cases.map((c: { reference: string }) => c.reference)).toEqual(body.cases.map((c: { reference: string }) => c.reference));

    const forged = Buffer.from(JSON.stringify({ s: 'due', a: 'x', evil: 1 })).toString('base64url');
    for (const [query, field] of [['cursor=!!!', 'cursor'], ['cursor=' + forged, 'cursor'], ['cursor=bm9wZQ', 'cursor'], ['limit=0', 'limit'], ['limit=101', 'limit'], ['sort=name', 'sort'], ['status=gesloten', 'status'], ['stage=nergens', 'stage'], ['handler=geen-adres', 'handler']] as const) {
      const bad = await call(office, 'GET', `/api/staff/cases?${query}`, { token });
      expect(bad.status, query).toBe(400);
      expect(bad.json().errors.map((e: { field: string }) => e.field), query).toEqual([field]);
    }
  });
});

/** Two spam cases due at the given instants, arriving now. */
async function spamAt(office: LocalOffice, template: string, tag: string, dues: string[]) {
  const found = (await loadCase(office.ctx, template))!;
  const base = summarise(found.state, office.ctx.clock.now(), office.ctx.procedure, 1);
  await Promise.all(dues.map((due, i) => office.ctx.store.putSummary({ ...base, caseRef: `HSS-2026-${tag}X${i}`, nextDueAt: due })));
}

describe('the staff case list: filters, sorts, counts, and the page without JavaScript', () => {
  let office: LocalOffice;
  let token: string;
  let real: string;
  const refs = (body: { cases: { reference: string }[] }) => body.cases.map((c) => c.reference);
  const list = async (query: string, as = token) => (await call(office, 'GET', `/api/staff/cases?${query}`, { token: as })).json();

  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    real = (await call(office, 'POST', '/api/complaints', { body: { name: 'Cor Claassen', email: 'klager@example.nl', topic: 'advies', description: 'Echte klacht.' } })).json().reference;
    const base = summarise((await loadCase(office.ctx, real))!.state, office.ctx.clock.now(), office.ctx.procedure, 1);
    const put = (ref: string, change: Partial<typeof base>, data: Record<string, unknown> = {}) => office.ctx.store.putSummary({ ...base, caseRef: ref, ...change, data: { ...base.data, ...data } });
    // Overdue (due yesterday), handled by the medewerker, received earliest.
    await put('HSS-2026-AAAA2', { receivedAt: '2026-02-01T09:00:00.000Z', nextDueAt: '2026-03-01T09:00:00.000Z' }, { handler: MEDEWERKER, name: 'Dirk Dekker' });
    // In a stage the procedure no longer has, handled by the director.
    await put('HSS-2026-BBBB3', { stage: 'oude-fase', receivedAt: '2026-02-15T09:00:00.000Z', nextDueAt: '2026-04-01T09:00:00.000Z' }, { handler: DIRECTIE, name: 'Eva Evers' });
    // Decided, no term running.
    await put('HSS-2026-CCCC4', { status: 'decided', receivedAt: '2026-02-20T09:00:00.000Z', nextDueAt: undefined }, { name: 'Fien Fokker', nextTerm: undefined });
    // About the director: never on the director's list, nor in the director's counts.
    await put('HSS-2026-DDDD5', { receivedAt: '2026-02-25T09:00:00.000Z' }, { name: 'Gijs Gans', concerned: [DIRECTIE] });
    token = await signIn(office, DIRECTIE);
  }, 60_000);
  afterAll(() => office.close());

  it('filters by status, stage, handler, overdue and mine, and counts per status what this staff member may see', async () => {
    const all = await list('');
    expect(refs(all).sort()).toEqual(['HSS-2026-AAAA2', 'HSS-2026-BBBB3', 'HSS-2026-CCCC4', real].sort());
    expect(all.counts).toEqual({ open: 3, 'to-complete': 0, decided: 1 });
    expect(refs(await list('status=decided'))).toEqual(['HSS-2026-CCCC4']);
    expect(refs(await list('stage=directie')).sort()).toEqual(['HSS-2026-AAAA2', 'HSS-2026-CCCC4', real].sort());
    expect(refs(await list(`handler=${encodeURIComponent(MEDEWERKER)}`))).toEqual(['HSS-2026-AAAA2']);
    expect(refs(await list('overdue=true'))).toEqual(['HSS-2026-AAAA2']);
    expect(refs(await list('mine=true'))).toEqual(['HSS-2026-BBBB3']);
    expect(refs(await list('q=gijs'))).toEqual([]);
    const medewerker = await signIn(office, MEDEWERKER);
    expect(refs(await list('q=gijs', medewerker))).toEqual(['HSS-2026-DDDD5']);
    expect((await list('', medewerker)).counts).toEqual({ open: 4, 'to-complete': 0, decided: 1 });
  });

  it('counts again once its counts are COUNTS_FRESH_MS old (a process counts at most that often per staff member)', async () => {
    const me = staffMember(office.ctx.procedure, MEDEWERKER)!;
    const at = Date.now();
    const before = await countsFor(office.ctx, me, at);
    const base = (await office.ctx.store.getSummary(real))!;
    await office.ctx.store.putSummary({ ...base, caseRef: 'HSS-2026-EEEE6' });
    expect(await countsFor(office.ctx, me, at + 1)).toEqual(before);
    expect((await countsFor(office.ctx, me, at + COUNTS_FRESH_MS)).open).toBe(before.open + 1);
    await office.ctx.store.putSummary({ ...base, caseRef: 'HSS-2026-EEEE6', status: 'closed' });
    expect(await countsFor(office.ctx, me, at + 2 * COUNTS_FRESH_MS)).toEqual(before);
  });

  it('sorts by due date (most urgent first, by default), received date (newest first) and reference, and pages each', async () => {
    expect(refs(await list(''))).toEqual(['HSS-2026-AAAA2', real, 'HSS-2026-BBBB3', 'HSS-2026-CCCC4']);
    expect(refs(await list('sort=received'))).toEqual([real, 'HSS-2026-CCCC4', 'HSS-2026-BBBB3', 'HSS-2026-AAAA2']);
    expect(refs(await list('sort=reference'))).toEqual(['HSS-2026-AAAA2', 'HSS-2026-BBBB3', 'HSS-2026-CCCC4', real].sort());
    for (const sort of ['due', 'received', 'reference']) {
      const whole = refs(await list(`sort=${sort}`));
      const firstPage = await list(`sort=${sort}&limit=3`);
      const nextPage = await list(`sort=${sort}&limit=3&cursor=${firstPage.next}`);
      expect([...refs(firstPage), ...refs(nextPage)], sort).toEqual(whole);
      expect(nextPage.next, sort).toBeUndefined();
      expect(refs(await list(`sort=${sort}&limit=3&cursor=${nextPage.previous}`)), sort).toEqual(whole.slice(0, 3));
    }
  });

  it('works as a page without JavaScript: a GET form, sort links, Vorige/Volgende links, staff labels, no case about the reader', async () => {
    const cookie = `staff_session=${token}`;
    const page = await call(office, 'GET', '/staff?limit=2', { cookie });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="get" action="/staff" role="search"');
    expect(page.text).toContain('<th scope="col">Klager</th>');
    expect(page.text).toMatch(/<a href="\/staff\?sort=received&amp;limit=2"[^>]*>Ontvangen<\/a>/);
    expect(page.text).toContain('class="case-list"');
    expect(page.text).not.toContain('HSS-2026-DDDD5');
    expect(page.text).toContain('In behandeling</a>: <b>3</b>');
    const next = /<a href="([^"]+)" rel="next">Volgende<\/a>/.exec(page.text)?.[1];
    expect(next).toBeDefined();
    const second = await call(office, 'GET', next!.replaceAll('&amp;', '&'), { cookie });
    expect(second.text).toContain('HSS-2026-BBBB3');
    expect(second.text).toMatch(/rel="prev">Vorige<\/a>/);
    // The filter form as a browser sends it: empty fields are no filter.
    const searched = await call(office, 'GET', '/staff?q=Claassen&status=&stage=&handler=&sort=due', { cookie });
    expect(searched.text).toContain(real);
    expect(searched.text).not.toContain('HSS-2026-AAAA2');
    expect(searched.text).toContain('value="Claassen"');
    const bad = await call(office, 'GET', '/staff?cursor=nope!', { cookie });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('role="alert"');
  });
});
