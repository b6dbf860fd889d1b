/** What the app makes of a procedure file and the CDK context, before any construct exists. */
import { describe, expect, it } from 'vitest';
import { resolveSettings, retentionDays, SettingsError } from '../../infra/stack/settings.ts';
import { InvalidProcedureError } from '../../shared/procedure/load.ts';

describe('resolveSettings', () => {
  it('names the stack after the procedure id and derives the mail domains and retention', () => {
    const s = resolveSettings({ procedure: 'procedures/hss.yaml' });
    expect(s).toMatchObject({ orgId: 'hss', stackName: 'hss', mailDomain: 'hss.example.nl', replyDomain: 'reply.hss.example.nl', retentionDays: 730, alarmEmail: 'beheer@hss.example.nl' });
    expect(s.publicUrl).toBeUndefined();
    expect(s.procedureHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lower-cases the organisation’s domain (Klachtencommissie@…)', () => {
    expect(resolveSettings({ procedure: 'procedures/perspectief-herstelbemiddeling.yaml' }).replyDomain).toBe('reply.perspectiefherstelbemiddeling.nl');
  });

  it('takes replyDomain, publicUrl (trailing slash dropped), alarmEmail and formMinFillMs from the context', () => {
    const s = resolveSettings({ procedure: 'procedures/bureau-mhr.yaml', replyDomain: 'Antwoord.Example.org', publicUrl: 'https://klachten.example.org/', alarmEmail: 'ops@example.org', formMinFillMs: '2500' });
    expect(s).toMatchObject({ replyDomain: 'antwoord.example.org', publicUrl: 'https://klachten.example.org', alarmEmail: 'ops@example.org', formMinFillMs: 2500 });
  });

  it('refuses a missing procedure and bad context values, naming each', () => {
    expect(() => resolveSettings({})).toThrow(/-c procedure=procedures\/<organisation>\.yaml/);
    try {
      resolveSettings({ procedure: 'procedures/hss.yaml', replyDomain: 'not a domain', publicUrl: 'http://plain.example.org', alarmEmail: 'nobody', formMinFillMs: '-1' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SettingsError);
      const message = (e as Error).message;
      for (const key of ['replyDomain', 'publicUrl', 'alarmEmail', 'formMinFillMs']) expect(message).toContain(key);
    }
  });

  it('refuses an invalid procedure file with its problems', () => {
    expect(() => resolveSettings({ procedure: 'package.json' })).toThrow(InvalidProcedureError);
  });
});

describe('retentionDays', () => {
  it('never comes early', () => {
    expect(retentionDays({ amount: 2, unit: 'years' })).toBe(730);
    expect(retentionDays({ amount: 6, unit: 'months' })).toBe(186);
    expect(retentionDays({ amount: 3, unit: 'weeks' })).toBe(21);
    expect(retentionDays({ amount: 10, unit: 'days' })).toBe(10);
    expect(retentionDays({ amount: 20, unit: 'workingDays' })).toBeGreaterThanOrEqual(28);
  });
});
