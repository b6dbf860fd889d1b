/**
 * The CaseStore contract: every adapter must pass it. Call `caseStoreContract(factory)` inside a
 * `describe` (or use the returned builder's name parameter); it registers its own hooks and tests.
 * All tests share one store and isolate themselves with unique case refs, statuses and keys.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ItemTooLargeError } from '../../shared/store/port.ts';
import type { CaseStore, CaseSummary, Commit, HeldMail, StoredEffect } from '../../shared/store/port.ts';

export interface StoreFixture {
  store: CaseStore;
  /** Names of the commands the adapter sent so far ('QueryCommand', …), when the backend can observe them. */
  commandsSent?: readonly string[];
  close(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreFixture>;

/** Registers the contract's tests in a new `describe` block named `name`. */
export function describeCaseStoreContract(name: string, factory: StoreFactory, options: { setupTimeoutMs?: number } = {}): void {
  describe(name, () => caseStoreContract(factory, options));
}

/** Registers the contract's hooks and tests in the current `describe` block. */
export function caseStoreContract(factory: StoreFactory, options: { setupTimeoutMs?: number } = {}): void {
  let fixture: StoreFixture | undefined;
  const store = (): CaseStore => {
    if (!fixture) throw new Error('store fixture not set up (see the beforeAll error)');
    return fixture.store;
  };

  beforeAll(async () => {
    fixture = await factory();
  }, options.setupTimeoutMs ?? 60_000);

  afterAll(async () => {
    await fixture?.close();
  }, 30_000);

  describe('commits', () => {
    it('load of an unknown case returns []', async () => {
      expect(await store().load(ref())).toEqual([]);
    });

    it('append then load returns the commits in order with events and effects intact', async () => {
      const caseRef = ref();
      const commits = [
        commit(caseRef, 1, {
          events: [{ type: 'Received', at: '2025-01-06T09:00:00.000Z', channel: 'web', nested: { list: [1, 'twee', null, true] } }],
          effects: [effect(caseRef, 1, 0, { kind: 'mail', to: 'klager@example.org' })],
        }),
        commit(caseRef, 2, { events: [{ type: 'Note', text: 'Ünïcode — “quotes” \u2028 and emoji 🙂' }], effects: [] }),
        commit(caseRef, 3, {
          events: [{ type: 'A' }, { type: 'B' }],
          effects: [
            { ...effect(caseRef, 3, 0, { kind: 'schedule' }), attempts: 2, lastError: 'timeout' },
            { ...effect(caseRef, 3, 1, { kind: 'mail' }), done: true, attempts: 1 },
          ],
        }),
      ];
      for (const c of commits) await store().append(c);
      expect(await store().load(caseRef)).toEqual(commits);
    });

    it('appending an existing seq throws ConflictError and keeps the first commit', async () => {
      const caseRef = ref();
      const first = commit(caseRef, 1, { events: [{ type: 'First' }] });
      await store().append(first);
      const error = await store().append(commit(caseRef, 1, { events: [{ type: 'Second' }] })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ caseRef, seq: 1 });
      expect(await store().load(caseRef)).toEqual([first]);
    });

    it('of two concurrent appends of the same seq exactly one wins', async () => {
      const races = Array.from({ length: 8 }, async () => {
        const caseRef = ref();
        await store().append(commit(caseRef, 1));
        const contenders = [commit(caseRef, 2, { events: [{ by: 'a' }] }), commit(caseRef, 2, { events: [{ by: 'b' }] })];
        const results = await Promise.allSettled(contenders.map((c) => store().append(c)));
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
        const winner = contenders[results.findIndex((r) => r.status === 'fulfilled')]!;
        expect((await store().load(caseRef))[1]).toEqual(winner);
      });
      await Promise.all(races);
    });

    it('refuses a commit whose predecessor does not exist', async () => {
      const caseRef = ref();
      const error = await store().append(commit(caseRef, 3)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(ConflictError);
      expect(await store().load(caseRef)).toEqual([]);
    });

    it('refuses a commit too large for one item with ItemTooLargeError', async () => {
      const caseRef = ref();
      const error = await store().append(commit(caseRef, 1, { events: [{ blob: 'x'.repeat(380 * 1024) }] })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ItemTooLargeError);
      expect(await store().load(caseRef)).toEqual([]);
    });

    it('loads a case with 120 commits completely (pagination)', async () => {
      const caseRef = ref();
      // ~10 KB per commit: 120 of them exceed the 1 MB a single Query returns.
      const padding = 'p'.repeat(10 * 1024);
      for (let seq = 1; seq <= 120; seq++) {
        await store().append(commit(caseRef, seq, { events: [{ seq, padding }], effects: [] }));
      }
      const queriesBefore = fixture?.commandsSent?.filter((c) => c === 'QueryCommand').length;
      const loaded = await store().load(caseRef);
      expect(loaded.map((c) => c.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
      expect(loaded[119]!.events).toEqual([{ seq: 120, padding }]);
      if (fixture?.commandsSent && queriesBefore !== undefined) {
        const queries = fixture.commandsSent.filter((c) => c === 'QueryCommand').length - queriesBefore;
        expect(queries).toBeGreaterThan(1);
      }
    }, 60_000);
  });

  describe('effects', () => {
    it('pendingCommits lists only commits with effects not done, until every effect is settled ok', async () => {
      const caseRef = ref();
      await store().append(commit(caseRef, 1, { effects: [] }));
      await store().append(commit(caseRef, 2, { effects: [effect(caseRef, 2, 0), effect(caseRef, 2, 1)] }));
      await store().append(commit(caseRef, 3, { effects: [{ ...effect(caseRef, 3, 0), done: true, attempts: 1 }] }));
      expect(await pendingOf(caseRef)).toEqual([2]);

      await store().settleEffect(caseRef, 2, `${caseRef}:2:0`, { ok: true });
      expect(await pendingOf(caseRef)).toEqual([2]);
      await store().settleEffect(caseRef, 2, `${caseRef}:2:1`, { ok: true });
      expect(await pendingOf(caseRef)).toEqual([]);

      const effects = (await store().load(caseRef))[1]!.effects;
      expect(effects.map((e) => [e.done, e.attempts])).toEqual([
        [true, 1],
        [true, 1],
      ]);
    });

    it('a failed settle increments attempts and records lastError but keeps the commit pending', async () => {
      const caseRef = ref();
      await store().append(commit(caseRef, 1, { effects: [effect(caseRef, 1, 0)] }));
      await store().settleEffect(caseRef, 1, `${caseRef}:1:0`, { ok: false, error: 'SES throttled' });
      await store().settleEffect(caseRef, 1, `${caseRef}:1:0`, { ok: false, error: 'SES down' });
      expect((await store().load(caseRef))[0]!.effects[0]).toMatchObject({ done: false, attempts: 2, lastError: 'SES down' });
      expect(await pendingOf(caseRef)).toEqual([1]);

      await store().settleEffect(caseRef, 1, `${caseRef}:1:0`, { ok: true });
      expect((await store().load(caseRef))[0]!.effects[0]).toMatchObject({ done: true, attempts: 3 });
      expect(await pendingOf(caseRef)).toEqual([]);
    });

    it('settles several effects of a commit at once, ok and failed alike, skipping ones already done', async () => {
      const caseRef = ref();
      await store().append(commit(caseRef, 1, { effects: [effect(caseRef, 1, 0), effect(caseRef, 1, 1), effect(caseRef, 1, 2)] }));
      await store().settleEffect(caseRef, 1, `${caseRef}:1:2`, { ok: true });
      await store().settleEffects(caseRef, 1, [
        { effectId: `${caseRef}:1:0`, outcome: { ok: true } },
        { effectId: `${caseRef}:1:1`, outcome: { ok: false, error: 'SES down' } },
        { effectId: `${caseRef}:1:2`, outcome: { ok: false, error: 'late duplicate' } },
      ]);
      expect((await store().load(caseRef))[0]!.effects.map((e) => [e.done, e.attempts, e.lastError ?? null])).toEqual([
        [true, 1, null],
        [false, 1, 'SES down'],
        [true, 1, null],
      ]);
      expect(await pendingOf(caseRef)).toEqual([1]);
      await store().settleEffects(caseRef, 1, [{ effectId: `${caseRef}:1:1`, outcome: { ok: true } }]);
      expect(await pendingOf(caseRef)).toEqual([]);
      await expect(store().settleEffects(caseRef, 1, [{ effectId: 'nope', outcome: { ok: true } }])).rejects.toThrow(/no effect/);
    });

    it('settling the same effect twice is harmless', async () => {
      const caseRef = ref();
      await store().append(commit(caseRef, 1, { effects: [effect(caseRef, 1, 0), effect(caseRef, 1, 1)] }));
      await store().settleEffect(caseRef, 1, `${caseRef}:1:0`, { ok: true });
      await store().settleEffect(caseRef, 1, `${caseRef}:1:0`, { ok: true });
      await store().settleEffect(caseRef, 1, `${caseRef}:1:0`, { ok: false, error: 'late duplicate failure' });
      const [first, second] = (await store().load(caseRef))[0]!.effects;
      expect(first).toEqual({ ...effect(caseRef, 1, 0), done: true, attempts: 1 });
      expect(second).toEqual(effect(caseRef, 1, 1));
      expect(await pendingOf(caseRef)).toEqual([1]);
    });

    it('concurrent settles of different effects of one commit all land', async () => {
      const caseRef = ref();
      const effects = Array.from({ length: 6 }, (_, i) => effect(caseRef, 1, i));
      await store().append(commit(caseRef, 1, { effects }));
      await Promise.all(effects.map((e) => store().settleEffect(caseRef, 1, e.id, { ok: true })));
      expect((await store().load(caseRef))[0]!.effects.every((e) => e.done && e.attempts === 1)).toBe(true);
      expect(await pendingOf(caseRef)).toEqual([]);
    });

    it('settling an unknown effect or commit throws', async () => {
      const caseRef = ref();
      await store().append(commit(caseRef, 1, { effects: [effect(caseRef, 1, 0)] }));
      await expect(store().settleEffect(caseRef, 1, `${caseRef}:1:9`, { ok: true })).rejects.toThrow(/effect/);
      await expect(store().settleEffect(caseRef, 2, `${caseRef}:2:0`, { ok: true })).rejects.toThrow(/commit/);
    });

    it('pendingCommits honours its limit and lists effects that keep failing after fresh ones', async () => {
      const failing = ref();
      const fresh = ref();
      await store().append(commit(failing, 1, { at: '2000-01-01T00:00:00.000Z', effects: [effect(failing, 1, 0)] }));
      await store().settleEffect(failing, 1, `${failing}:1:0`, { ok: false, error: 'boom' });
      await store().append(commit(fresh, 1, { at: '2099-01-01T00:00:00.000Z', effects: [effect(fresh, 1, 0)] }));

      expect(await store().pendingCommits(2)).toHaveLength(2);
      const all = await store().pendingCommits();
      const position = (caseRef: string) => all.findIndex((p) => p.caseRef === caseRef);
      expect(position(fresh)).toBeGreaterThanOrEqual(0);
      expect(position(failing)).toBeGreaterThan(position(fresh));
    });
  });

  describe('summaries', () => {
    it('put, get and overwrite a summary; unknown gives undefined', async () => {
      const caseRef = ref();
      expect(await store().getSummary(caseRef)).toBeUndefined();
      const first = summary(caseRef, { status: status(), nextDueAt: '2025-02-01T09:00:00.000Z', data: { team: 'zorg', count: 1 } });
      await store().putSummary(first);
      expect(await store().getSummary(caseRef)).toEqual(first);
      const second: CaseSummary = { ...first, stage: 'hearing', data: { team: 'zorg', count: 2 } };
      delete second.nextDueAt;
      await store().putSummary(second);
      expect(await store().getSummary(caseRef)).toEqual(second);
    });

    it('listSummaries gives a status\'s cases most urgent first, cases without a term last', async () => {
      const open = status();
      const noTerm = summary(ref(), { status: open, receivedAt: '2025-01-01T00:00:00.000Z' });
      const march = summary(ref(), { status: open, nextDueAt: '2025-03-01T09:00:00.000Z' });
      const january = summary(ref(), { status: open, nextDueAt: '2025-01-15T09:00:00.000Z' });
      // An offset instant: 2025-01-31T23:00:00Z, between January and March.
      const february = summary(ref(), { status: open, nextDueAt: '2025-02-01T00:00:00+01:00' });
      const otherStatus = summary(ref(), { status: status(), nextDueAt: '2024-01-01T00:00:00.000Z' });
      for (const s of [noTerm, march, january, february, otherStatus]) await store().putSummary(s);

      expect(await store().listSummaries({ status: open })).toEqual([january, february, march, noTerm]);
      expect(await store().listSummaries({ status: open, limit: 2 })).toEqual([january, february]);
      expect(await store().listSummaries({ status: status() })).toEqual([]);
    });

    it('pageSummaries pages a status by due or received position, forwards and back, and by bounds', async () => {
      const open = status();
      const a = summary(ref(), { status: open, receivedAt: '2025-01-03T00:00:00.000Z', nextDueAt: '2025-02-01T00:00:00.000Z' });
      const b = summary(ref(), { status: open, receivedAt: '2025-01-01T00:00:00.000Z', nextDueAt: '2025-03-01T00:00:00.000Z' });
      const c = summary(ref(), { status: open, receivedAt: '2025-01-02T00:00:00.000Z' });
      for (const s of [a, b, c]) await store().putSummary(s);
      const refs = (page: { summary: CaseSummary }[]) => page.map((x) => x.summary.caseRef);

      const due = await store().pageSummaries({ status: open, order: 'due' });
      expect(refs(due)).toEqual([a, b, c].map((x) => x.caseRef));
      expect(refs(await store().pageSummaries({ status: open, order: 'due', after: due[0]!.position, limit: 1 }))).toEqual([b.caseRef]);
      expect(refs(await store().pageSummaries({ status: open, order: 'due', before: due[2]!.position }))).toEqual([b.caseRef, a.caseRef]);

      const received = await store().pageSummaries({ status: open, order: 'received' });
      expect(refs(received)).toEqual([b, c, a].map((x) => x.caseRef));
      expect(refs(await store().pageSummaries({ status: open, order: 'received', from: '2025-01-02', to: '2025-01-03' }))).toEqual([c.caseRef]);
      expect(refs(await store().pageSummaries({ status: open, order: 'received', from: '2025-01-02' }))).toEqual([c.caseRef, a.caseRef]);
    });

    it('countSummaries counts a status, leaving out the cases a staff member is concerned in', async () => {
      const open = status();
      await store().putSummary(summary(ref(), { status: open }));
      await store().putSummary(summary(ref(), { status: open, data: { concerned: ['a@example.org'] } }));
      await store().putSummary(summary(ref(), { status: status() }));
      expect(await store().countSummaries({ status: open })).toBe(2);
      expect(await store().countSummaries({ status: open, exceptConcerned: 'a@example.org' })).toBe(1);
      expect(await store().countSummaries({ status: open, exceptConcerned: 'b@example.org' })).toBe(2);
    });

    it('listWithLetters gives only the cases with letters waiting, of every status, oldest received first; one leaves with its last letter', async () => {
      const [a, b, c, d] = [ref(), ref(), ref(), ref()];
      const mine = (list: CaseSummary[]) => list.map((x) => x.caseRef).filter((x) => [a, b, c, d].includes(x));
      await store().putSummary(summary(a, { status: status(), receivedAt: '2025-01-03T09:00:00.000Z', data: { letters: 1 } }));
      await store().putSummary(summary(b, { status: status(), receivedAt: '2025-01-01T09:00:00.000Z', data: { letters: 2, concerned: ['a@example.org'] } }));
      await store().putSummary(summary(c, { status: status(), receivedAt: '2025-01-02T09:00:00.000Z', data: {} }));
      await store().putSummary(summary(d, { status: status(), receivedAt: '2025-01-04T09:00:00.000Z', data: { letters: 0 } }));
      expect(mine(await store().listWithLetters({}))).toEqual([b, a]);
      expect(mine(await store().listWithLetters({ exceptConcerned: 'a@example.org' }))).toEqual([a]);
      await store().putSummary(summary(a, { status: status(), receivedAt: '2025-01-03T09:00:00.000Z', data: {} }));
      expect(mine(await store().listWithLetters({}))).toEqual([b]);
    });

    it('a status change moves a case from one list to the other', async () => {
      const [received, closed] = [status(), status()];
      const s = summary(ref(), { status: received, nextDueAt: '2025-01-10T00:00:00.000Z' });
      await store().putSummary(s);
      expect(await refsIn(received)).toEqual([s.caseRef]);
      await store().putSummary({ ...s, status: closed });
      expect(await refsIn(received)).toEqual([]);
      expect(await refsIn(closed)).toEqual([s.caseRef]);
    });
  });

  describe('keys', () => {
    it('the first claim wins; later claims get fresh:false and the first case', async () => {
      const key = `submission-${randomUUID()}`;
      const [a, b] = [ref(), ref()];
      expect(await store().claimKey(key, a)).toEqual({ caseRef: a, fresh: true });
      expect(await store().claimKey(key, b)).toEqual({ caseRef: a, fresh: false });
      expect(await store().claimKey(key, a)).toEqual({ caseRef: a, fresh: false });
    });

    it('of concurrent claims exactly one is fresh and all agree on its case', async () => {
      const key = `submission-${randomUUID()}`;
      const contenders = Array.from({ length: 6 }, () => ref());
      const results = await Promise.all(contenders.map((caseRef) => store().claimKey(key, caseRef)));
      const fresh = results.filter((r) => r.fresh);
      expect(fresh).toHaveLength(1);
      expect(results.every((r) => r.caseRef === fresh[0]!.caseRef)).toBe(true);

      // Deleting a losing case must not release the winner's key.
      const loser = contenders.find((c) => c !== fresh[0]!.caseRef)!;
      await store().deleteCase(loser);
      expect(await store().claimKey(key, ref())).toEqual({ caseRef: fresh[0]!.caseRef, fresh: false });
    });

    it('a claim without its back-reference (intake writes it later, as an effect) is released by deleteCase once it is added', async () => {
      const key = `submission-${randomUUID()}`;
      const caseRef = ref();
      expect(await store().claimKey(key, caseRef, { backReference: false })).toEqual({ caseRef, fresh: true });
      expect(await store().caseKeys(caseRef)).toEqual([]);
      await store().addKeyReference(caseRef, key);
      await store().addKeyReference(caseRef, key); // an effect may run twice
      expect(await store().caseKeys(caseRef)).toEqual([key]);
      await store().deleteCase(caseRef);
      const next = ref();
      expect(await store().claimKey(key, next)).toEqual({ caseRef: next, fresh: true });
    });

    it('releaseKey unbinds a key only from the case it is bound to', async () => {
      const key = `submission-${randomUUID()}`;
      const [a, b] = [ref(), ref()];
      await store().claimKey(key, a, { backReference: false });
      await store().releaseKey(key, b);
      expect(await store().readKey(key)).toBe(a);
      await store().releaseKey(key, a);
      expect(await store().readKey(key)).toBeUndefined();
    });

    it('a summary is replaced only by one of the same or a later commit', async () => {
      const s = summary(ref(), { status: status() });
      await store().putSummary({ ...s, seq: 2, stage: 'later' });
      await store().putSummary({ ...s, seq: 1, stage: 'earlier' });
      expect((await store().getSummary(s.caseRef))?.stage).toBe('later');
      await store().putSummary({ ...s, seq: 3, stage: 'latest' });
      expect((await store().getSummary(s.caseRef))?.stage).toBe('latest');
    });
  });

  describe('deleteCase', () => {
    it('removes every item of a case: commits, summary, pending marker and claimed keys', async () => {
      const caseRef = ref();
      const open = status();
      const key = `submission-${randomUUID()}`;
      expect(await store().claimKey(key, caseRef)).toEqual({ caseRef, fresh: true });
      for (let seq = 1; seq <= 30; seq++) {
        await store().append(commit(caseRef, seq, { effects: seq % 3 === 0 ? [effect(caseRef, seq, 0)] : [] }));
      }
      await store().putSummary(summary(caseRef, { status: open }));
      expect(await pendingOf(caseRef)).toHaveLength(10);

      await store().deleteCase(caseRef);

      expect(await store().load(caseRef)).toEqual([]);
      expect(await store().getSummary(caseRef)).toBeUndefined();
      expect(await store().listSummaries({ status: open })).toEqual([]);
      expect(await pendingOf(caseRef)).toEqual([]);
      // The key is free again.
      const next = ref();
      expect(await store().claimKey(key, next)).toEqual({ caseRef: next, fresh: true });
    });

    it('deleting an unknown case is a no-op', async () => {
      await expect(store().deleteCase(ref())).resolves.toBeUndefined();
    });
  });

  describe('held mail', () => {
    it('is listed newest first and read by its id with one read by key (no query), until released', async () => {
      const older = held('2025-01-06T09:00:00.000Z');
      const newer = held('2025-01-07T09:00:00+01:00');
      await store().hold(older);
      await store().hold(newer);
      const listed = (await store().listHeld()).filter((h) => h.id === older.id || h.id === newer.id);
      expect(listed).toEqual([newer, older]);

      const queriesBefore = fixture?.commandsSent?.filter((c) => c === 'QueryCommand').length;
      expect(await store().getHeld(newer.id)).toEqual(newer);
      if (fixture?.commandsSent && queriesBefore !== undefined) {
        expect(fixture.commandsSent.filter((c) => c === 'QueryCommand').length).toBe(queriesBefore);
      }

      await store().releaseHeld(newer);
      expect(await store().getHeld(newer.id)).toBeUndefined();
      expect(await store().getHeld(older.id)).toEqual(older);
      expect((await store().listHeld()).some((h) => h.id === newer.id)).toBe(false);
    });

    it('an unknown id reads as undefined', async () => {
      expect(await store().getHeld(randomUUID().replaceAll('-', ''))).toBeUndefined();
    });
  });

  // Registered last: it checks the commands of every test above.
  it('never sends a Scan', () => {
    const sent = fixture?.commandsSent;
    if (!sent) return;
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((name) => /scan/i.test(name))).toEqual([]);
  });

  async function pendingOf(caseRef: string): Promise<number[]> {
    const pending = await store().pendingCommits();
    return pending.filter((p) => p.caseRef === caseRef).map((p) => p.seq);
  }

  async function refsIn(s: string): Promise<string[]> {
    return (await store().listSummaries({ status: s })).map((x) => x.caseRef);
  }
}

function ref(): string {
  return `KL-${randomUUID().slice(0, 13)}`;
}

function status(): string {
  return `status-${randomUUID().slice(0, 8)}`;
}

function commit(caseRef: string, seq: number, parts: Partial<Omit<Commit, 'caseRef' | 'seq'>> = {}): Commit {
  return {
    caseRef,
    seq,
    at: parts.at ?? new Date(Date.UTC(2025, 0, 6, 9, 0, seq)).toISOString(),
    events: parts.events ?? [{ type: 'Event', seq }],
    effects: parts.effects ?? [],
  };
}

function effect(caseRef: string, seq: number, index: number, payload: unknown = { kind: 'mail', index }): StoredEffect {
  return { id: `${caseRef}:${seq}:${index}`, effect: payload, done: false, attempts: 0 };
}

function summary(caseRef: string, parts: Partial<CaseSummary> & { status: string }): CaseSummary {
  return {
    caseRef,
    procedureId: 'klachtenregeling-2025',
    stage: 'intake',
    receivedAt: '2025-01-06T09:00:00.000Z',
    updatedAt: '2025-01-06T09:00:00.000Z',
    data: {},
    ...parts,
  };
}

function held(at: string): HeldMail {
  return { id: randomUUID().replaceAll('-', ''), at, reason: 'unmatched', sender: 'iemand@example.org', subject: 'Re: uw klacht', text: 'Nog één ding.', blob: `mail/${randomUUID()}.eml` };
}
