import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { PermanentMailError, type OutgoingMessage } from '../../shared/mail/message.ts';
import { call, signIn } from '../support/http.ts';

const DIRECTIE = 'directie@hss.example.nl';

describe('addresses the mailer would refuse, and mail that can never be sent (HSS)', () => {
  let office: LocalOffice;
  beforeAll(async () => {
    office = await startLocalOffice({ procedurePath: 'procedures/hss.yaml', port: 0, clockStart: '2026-03-02T09:00:00.000Z', minFillMs: 0 });
  });
  afterAll(() => office.close());

  it('refuses at intake an address with a local part over 64 characters (400 naming email)', async () => {
    const email = `${'a'.repeat(65)}@example.nl`;
    const r = await call(office, 'POST', '/api/complaints', { body: { email, topic: 'advies', description: 'Te lang adres.' } });
    expect(r.status).toBe(400);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['email']);
    expect((await call(office, 'POST', '/api/complaints', { body: { email: `${'a'.repeat(64)}@example.nl`, topic: 'advies', description: 'Net goed.' } })).status).toBe(201);
  });

  it('parks a mail the mailer refuses for good: not retried by the sweeper, shown to staff', async () => {
    const real = office.ctx.mailer;
    let refused = 0;
    office.ctx.mailer = {
      async send(m: OutgoingMessage) {
        if (m.to.some((t) => t.email === 'weg@example.nl')) {
          refused++;
          throw new PermanentMailError('the receiving domain refuses this address');
        }
        return real.send(m);
      },
    };
    try {
      const ref = (await call(office, 'POST', '/api/complaints', { body: { email: 'weg@example.nl', topic: 'advies', description: 'Onbestelbaar.' } })).json().reference;
      expect(refused).toBe(1);
      for (let i = 0; i < 3; i++) await office.sweep();
      expect(refused).toBe(1);
      expect(await office.ctx.store.pendingCommits()).toEqual([]);
      const token = await signIn(office, DIRECTIE);
      const list = (await call(office, 'GET', '/api/staff/cases', { token })).json();
      expect(list.undeliverable).toEqual([expect.objectContaining({ reference: ref, kind: 'mail' })]);
      const page = await call(office, 'GET', '/staff', { token });
      expect(page.text).toContain(ref);
      expect(page.text).toMatch(/niet verstuurd/i);
    } finally {
      office.ctx.mailer = real;
    }
  });
});
