/**
 * A web complaint with a submissionId is one conditional write before its answer: the commit, at
 * the reference the submission's id leads to (a keyed hash), is also its idempotency claim. A
 * repeat of the submission finds that commit; a reference already taken by another case falls
 * back to claiming the id and drawing a reference.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { submissionReference } from '../../shared/app/use-cases/file-complaint.ts';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { formToken } from '../support/http.ts';

const PROCEDURE = fileURLToPath(new URL('../../procedures/hss.yaml', import.meta.url));
const complaint = { name: 'Jan Jansen', email: 'jan@example.nl', topic: 'advies', description: 'Ik kreeg verkeerd advies.' };

/** DynamoDB calls by command name, from the office's own client. */
function countCalls(client: DynamoDBClient) {
  const calls: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'testCountCalls' },
  );
  return calls;
}

/** A form token for each submission id the test names, minted once (a resend reuses its submission's token). */
const tokens = new Map<string, { formToken: string; submissionId: string }>();
const submission = async (office: LocalOffice, name: string) => {
  if (!tokens.has(name)) tokens.set(name, await formToken(office.url, `${name}-${Math.random().toString(36).slice(2)}`));
  return tokens.get(name)!;
};

const post = async (office: LocalOffice, body: Record<string, unknown>) => {
  const r = await fetch(`${office.url}/api/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as { reference: string } };
};

describe('web intake', () => {
  let office: LocalOffice;
  let calls: string[];
  beforeEach(async () => {
    office = await startLocalOffice({ procedurePath: PROCEDURE, port: 0, clockStart: '2025-12-12T09:00:00Z', minFillMs: 0, tickSeconds: 0, effectsDelayMs: 200 });
    calls = countCalls(office.dynamo);
  });
  afterEach(() => {
    tokens.clear();
    return office.close();
  });

  it('is one DynamoDB call before its answer: the commit at the submission’s reference (its token was counted where it was made)', async () => {
    await post(office, { ...complaint, ...(await submission(office, 'warm-up-0001')) });
    await office.idle();
    calls.length = 0;
    const ticket = await submission(office, 'one-write-0001');
    // Its token was counted for the client where it was made: one update.
    expect(calls).toEqual(['UpdateItem']);
    calls.length = 0;
    const r = await post(office, { ...complaint, ...ticket });
    expect(r.status).toBe(201);
    // The commit alone: the submission's claim, and so the single use of its token.
    expect(calls).toEqual(['PutItem']);
    expect(r.body.reference).toBe(submissionReference(office.ctx, (await submission(office, 'one-write-0001')).submissionId, '2025'));
    await office.idle();
    expect(office.outbox.messages.filter((m) => m.to.some((a) => a.email === 'jan@example.nl') && m.subject.includes(r.body.reference))).toHaveLength(1);
  });

  it('answers a repeat with the first complaint, even with other fields, and files nothing new', async () => {
    const first = await post(office, { ...complaint, ...(await submission(office, 'repeat-0001')) });
    await office.idle();
    const again = await post(office, { ...complaint, description: 'Toch iets anders.', ...(await submission(office, 'repeat-0001')) });
    expect(again).toEqual({ status: 200, body: expect.objectContaining({ reference: first.body.reference }) });
    await office.idle();
    expect(office.outbox.messages.filter((m) => m.to.some((a) => a.email === 'jan@example.nl'))).toHaveLength(1);
  });

  it('files under a drawn reference when the submission’s is taken by another case, and knows the repeat', async () => {
    const taken = submissionReference(office.ctx, (await submission(office, 'collide-0001')).submissionId, '2025');
    await office.ctx.store.append({ caseRef: taken, seq: 1, at: office.clock.now(), events: [], effects: [] });
    const first = await post(office, { ...complaint, ...(await submission(office, 'collide-0001')) });
    expect(first.status).toBe(201);
    expect(first.body.reference).not.toBe(taken);
    const again = await post(office, { ...complaint, ...(await submission(office, 'collide-0001')) });
    expect(again).toEqual({ status: 200, body: expect.objectContaining({ reference: first.body.reference }) });
  });

  it('knows a repeat sent in the new year of a form filed on 31 December', async () => {
    office.clock.set('2025-12-31T22:30:00Z'); // 23:30 in Amsterdam
    const first = await post(office, { ...complaint, ...(await submission(office, 'new-year-0001')) });
    expect(first.body.reference).toMatch(/^HSS-2025-/);
    office.clock.set('2026-01-03T10:00:00Z');
    const again = await post(office, { ...complaint, ...(await submission(office, 'new-year-0001')) });
    expect(again).toEqual({ status: 200, body: expect.objectContaining({ reference: first.body.reference }) });
  });
});
