/**
 * Issue 11, finding 2 over HTTP: an ordinary employee named in a complaint gets the copy (Awb 9:9)
 * once staff add their address, and the link in it opens the complaint for them (not a staff page
 * they cannot see); the case JSON carries the duties; a decision waits for the hearing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { call, signIn } from '../support/http.ts';

const DIRECTIE = 'directie@hss.example.nl';
const JAN = 'jan.bakker@example.nl';

describe('the copy of the complaint for an ordinary employee (HSS)', () => {
  let office: LocalOffice;
  let ref: string;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
    const r = await call(office, 'POST', '/api/complaints', {
      body: { name: 'Henk Smit', email: 'henk@example.nl', phone: '06-11112222', topic: 'bejegening', employeeName: 'Jan Bakker', description: 'Jan Bakker <b>was</b> onvriendelijk.' },
    });
    ref = r.json().reference;
  });
  afterAll(() => office.close());

  it('goes to the employee with a link that opens the complaint; duties in the case JSON; decide waits for the hearing', async () => {
    const token = await signIn(office, DIRECTIE);
    const act = (body: Record<string, unknown>) => call(office, 'POST', `/api/staff/cases/${ref}/actions`, { token, body });
    const before = (await call(office, 'GET', `/api/staff/cases/${ref}`, { token })).json();
    expect(before.duties).toContainEqual(expect.objectContaining({ duty: 'copy', party: 'named', state: 'due' }));

    expect((await act({ type: 'correct-party', party: 'named', email: JAN })).status).toBe(200);
    await office.settled();
    const copy = office.outbox.messages.filter((m) => m.to[0]!.email === JAN).at(-1)!;
    expect(copy.subject).toContain(ref);
    expect(copy.text).not.toContain('/staff/cases/');
    const link = /(http\S+\/kopie\?\S+)/.exec(copy.text)![1]!;
    const url = new URL(link);
    const page = await call(office, 'GET', `${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Jan Bakker &lt;b&gt;was&lt;/b&gt; onvriendelijk.');
    expect(page.text).toContain('Henk Smit');
    // The complainant's contact details are not in the copy.
    expect(page.text).not.toContain('henk@example.nl');
    expect(page.text).not.toContain('06-11112222');
    // A link for another address, or a wrong token, opens nothing.
    expect((await call(office, 'GET', `${url.pathname}?to=iemand%40example.nl&token=${url.searchParams.get('token')}`)).status).toBe(404);
    expect((await call(office, 'GET', `${url.pathname}?to=${encodeURIComponent(JAN)}&token=xx`)).status).toBe(404);

    const refused = await act({ type: 'decide', outcome: 'gegrond', motivation: 'Klopt.' });
    expect(refused.status).toBe(422);
    expect(refused.json()).toMatchObject({ error: 'duty-open' });
    expect((await act({ type: 'offer-hearing', party: 'complainant' })).status).toBe(200);
    expect((await act({ type: 'offer-hearing', party: 'named' })).status).toBe(200);
    expect((await act({ type: 'record-conversation', date: '2026-03-02', attendees: 'Henk Smit\nJan Bakker', summary: 'Gehoord.', heard: 'complainant,named' })).status).toBe(200);
    const decided = await act({ type: 'decide', outcome: 'gegrond', motivation: 'Klopt.' });
    expect(decided.status).toBe(200);
    expect(decided.json().duties.filter((d: { state: string }) => d.state === 'due')).toEqual([]);
  });
});
