/**
 * Each function's code, run behind its own IAM grant (test/support/grant-fence.ts): the paths that
 * read or write case files, send mail or touch timers must work with exactly what the stack grants.
 * Driven as AWS drives them: intake and staff only commit (the table's stream carries out effects),
 * the effects function and the sweeper carry them out, the public function serves the copy's files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEffectsFunction } from '../../functions/effects.ts';
import { createPublicFunction } from '../../functions/public.ts';
import { createSweeperFunction, STREAM_GRACE_MS } from '../../functions/sweeper.ts';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { effectsByTableStream } from '../../shared/app/effect-runner.ts';
import { loadCase } from '../../shared/app/pipeline.ts';
import type { ApiEvent } from '../../shared/http/api.ts';
import { letterKey } from '../../shared/blobs/keys.ts';
import { INDEX } from '../../shared/store/table.ts';
import { fenced } from '../../infra/local/grant-fence.ts';
import { GRANTS } from '../../infra/stack/grants.ts';
import { call, signIn } from '../support/http.ts';

const DIRECTIE = 'directie@hss.example.nl';
const KLAGER = 'henk@example.nl';
const JAN = 'jan.bakker@example.nl';
const PDF = '%PDF-1.4 verslag';

const get = (url: URL): ApiEvent => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: url.pathname,
  rawQueryString: url.search.slice(1),
  queryStringParameters: Object.fromEntries(url.searchParams),
  headers: { accept: '*/*' },
  isBase64Encoded: false,
  requestContext: { requestId: 'req-1', timeEpoch: 1772442000000, http: { method: 'GET', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9' } },
});

/** The table stream's record of a new commit, as the effects function's filter passes it. */
const newCommit = (ref: string, seq: number) => ({
  eventName: 'INSERT',
  dynamodb: { Keys: { pk: { S: `CASE#${ref}` }, sk: { S: `C#${String(seq).padStart(10, '0')}` } }, SequenceNumber: `${seq}00` },
});

describe('every function works within its IAM grant (HSS)', () => {
  let office: LocalOffice;
  let ref: string;
  let token: string;
  let attachmentLink: URL;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    const r = await call(office, 'POST', '/api/complaints', {
      body: { name: 'Henk Smit', email: KLAGER, topic: 'bejegening', employeeName: 'Jan Bakker', description: 'Jan Bakker was onvriendelijk; zie de bijlage.' },
    });
    ref = r.json().reference;
    const address = office.outbox.messages.find((m) => m.to[0]!.email === KLAGER)!.replyTo!.email;
    const raw = `From: ${KLAGER}\r\nTo: ${address}\r\nSubject: bijlage\r\nMessage-ID: <grant@example.nl>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nHierbij.\r\n--b\r\nContent-Type: application/pdf; name="verslag.pdf"\r\nContent-Disposition: attachment; filename="verslag.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(PDF).toString('base64')}\r\n--b--\r\n`;
    await office.receive(Buffer.from(raw), { to: [address] });
    token = await signIn(office, DIRECTIE);
    // From here on as on AWS: a command only commits; the stream (here: the test) carries out its effects.
    office.ctx.effectsAfterAnswer = effectsByTableStream;
  });
  afterAll(() => office.close());

  const addPartyByPost = async (name: string, address: string) => {
    const r = await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'add-party', role: 'complained-about', name, address } });
    expect(r.status).toBe(200);
    const pending = await office.ctx.store.pendingCommits();
    expect(pending).toHaveLength(1);
    return pending[0]!;
  };
  const storedLetters = async () => {
    const { state } = (await loadCase(office.ctx, ref))!;
    const letters = state.letters.filter((l) => l.template === 'concerned-copy');
    return Promise.all(letters.map(async (l) => (await office.ctx.blobs.get(letterKey(ref, l.id))) !== undefined));
  };

  it('the effects function stores the letter of a copy by post (s3:PutObject)', async () => {
    const commit = await addPartyByPost('Piet Post', 'Dorpsstraat 1\n1234 AB Ergens');
    const run = createEffectsFunction(async () => fenced('effects', office.ctx));
    expect(await run({ Records: [newCommit(ref, commit.seq)] })).toEqual({ batchItemFailures: [] });
    expect(await office.ctx.store.pendingCommits()).toEqual([]);
    expect(await storedLetters()).toEqual([true]);
  });

  it('the sweeper, the effects function’s backstop, stores such a letter too', async () => {
    await addPartyByPost('Kees Post', 'Kerkpad 2\n1234 AC Ergens');
    office.clock.set(new Date(Date.parse(office.clock.now()) + STREAM_GRACE_MS + 60_000).toISOString());
    const result = await createSweeperFunction(async () => fenced('sweeper', office.ctx))();
    expect(result.failed).toBe(0);
    expect(await office.ctx.store.pendingCommits()).toEqual([]);
    expect(await storedLetters()).toEqual([true, true]);
  });

  it('the public function serves the person complained about the complaint’s attachment (s3:GetObject)', async () => {
    expect((await call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body: { type: 'correct-party', party: 'named', email: JAN } })).status).toBe(200);
    const [pending] = await office.ctx.store.pendingCommits();
    await createEffectsFunction(async () => fenced('effects', office.ctx))({ Records: [newCommit(ref, pending!.seq)] });
    const copy = office.outbox.messages.filter((m) => m.to[0]!.email === JAN).at(-1)!;
    const page = new URL(/(http\S+\/kopie\?\S+)/.exec(copy.text)![1]!);
    const publicFunction = createPublicFunction(async () => fenced('public', office.ctx));
    const opened = await publicFunction(get(page));
    expect(opened.statusCode).toBe(200);
    const link = new URL(/href="([^"]*\/kopie\/bijlage\?[^"]*)"/.exec(String(opened.body))![1]!.replaceAll('&amp;', '&'), office.url);
    attachmentLink = link;
    const file = await publicFunction(get(link));
    expect(file.statusCode).toBe(200);
    expect(Buffer.from(String(file.body), file.isBase64Encoded ? 'base64' : 'utf8').toString()).toBe(PDF);
  });

  it('the local office runs each handler behind its own function’s grant: outside it, a path fails as it would on AWS', async () => {
    const fetchLink = () => fetch(`${office.url}${attachmentLink.pathname}${attachmentLink.search}`);
    expect((await fetchLink()).status).toBe(200);
    const granted = GRANTS.public.blobs;
    GRANTS.public.blobs = [];
    try {
      expect((await fetchLink()).status).toBe(500);
    } finally {
      GRANTS.public.blobs = granted;
    }
    expect((await fetchLink()).status).toBe(200);
  });

  it('… and the table too: a query on an index outside the function’s grant fails', async () => {
    const list = () => call(office, 'GET', '/api/staff/cases', { token });
    expect((await list()).status).toBe(200);
    const granted = GRANTS.staff.indexes;
    GRANTS.staff.indexes = granted.filter((i) => i !== INDEX.status);
    try {
      expect((await list()).status).toBe(500);
    } finally {
      GRANTS.staff.indexes = granted;
    }
    expect((await list()).status).toBe(200);
  });
});
