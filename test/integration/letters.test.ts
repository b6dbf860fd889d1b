import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { loadCase } from '../../shared/app/pipeline.ts';
import { call, signIn } from '../support/http.ts';

const MEDEWERKER = 'medewerker@hss.example.nl';

describe('a complaint by phone from someone without e-mail (HSS, finding 5)', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterAll(() => office.close());

  it('staff register it with a postal address and no e-mail', async () => {
    const token = await signIn(office, MEDEWERKER);
    const r = await call(office, 'POST', '/api/staff/complaints', {
      token,
      body: { channel: 'phone', name: 'Riet Post', address: 'Dorpsstraat 1\n1234 AB Ergens', phone: '0612345678', topic: 'bejegening', description: 'Onvriendelijk te woord gestaan.' },
    });
    expect(r.status).toBe(201);
    const state = (await loadCase(office.ctx, r.json().reference))!.state;
    expect(state.parties[0]).toMatchObject({ role: 'complainant', name: 'Riet Post', address: 'Dorpsstraat 1\n1234 AB Ergens' });
  });

  it('refuses one with neither an e-mail nor a postal address, naming the fields in Dutch and English', async () => {
    const token = await signIn(office, MEDEWERKER);
    const body = { channel: 'phone', name: 'Riet Post', phone: '0612345678', topic: 'bejegening', description: 'Onvriendelijk.' };
    const nl = await call(office, 'POST', '/api/staff/complaints', { token, body });
    expect(nl.status).toBe(400);
    expect(nl.json().errors).toEqual([{ field: 'address', message: expect.stringMatching(/e-mailadres of een postadres/) }]);
    const en = await call(office, 'POST', '/api/staff/complaints?lang=en', { token, body });
    expect(en.json().errors).toEqual([{ field: 'address', message: expect.stringMatching(/e-mail address or a postal address/) }]);
  });
});
