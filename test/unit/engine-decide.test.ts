/** The engine as decide and evolve: decide gives events and effects (or a refusal as a code), evolve folds them. */
import { describe, expect, it } from 'vitest';
import { decide, handle } from '../../shared/engine/engine.ts';
import { evolve, fold } from '../../shared/engine/fold.ts';
import { refusalText } from '../../shared/presentation/refusal.ts';
import { CaseHarness, staff } from '../support/engine-harness.ts';

const complaint = { name: 'Els Visser', email: 'els@example.nl', topic: 'informatie', description: 'Niemand belde terug.' };

describe('decide / evolve', () => {
  it('decide returns what happened, not the case; handle is decide followed by the fold', () => {
    const h = CaseHarness.for('hss', '2026-01-05T09:00:00Z');
    h.submit(complaint);
    const cmd = { type: 'note', actor: staff('directie@hss.example.nl'), text: 'Gebeld.' } as const;
    const d = decide(h.procedure, h.state, cmd, h.now);
    expect(d.ok && Object.keys(d)).toEqual(['ok', 'events', 'effects']);
    const r = handle(h.procedure, h.state, cmd, h.now);
    expect(r.ok && d.ok && r.state).toEqual(d.ok && d.events.reduce(evolve, h.state!));
    expect(r.ok && r.state).toEqual(d.ok && fold(d.events, h.state));
  });

  it('a refusal is a code with parameters; the sentence comes from the catalogue, per language', () => {
    const h = CaseHarness.for('hss', '2026-01-05T09:00:00Z');
    h.submit(complaint);
    const d = decide(h.procedure, h.state, { type: 'extend', actor: staff('directie@hss.example.nl'), reason: 'Drukte', until: '2020-01-01' }, h.now);
    expect(d).toEqual({
      ok: false,
      refusal: { code: 'invalid', reason: 'until', params: { after: expect.any(String) }, fields: [{ field: 'until', reason: 'until', params: { after: expect.any(String) } }] },
    });
    if (d.ok) return;
    const after = (d.refusal as { params: { after: string } }).params.after;
    expect(refusalText(d.refusal, 'nl', h.procedure)).toBe(`Kies een nieuwe datum na ${after}.`);
    expect(refusalText(d.refusal, 'en', h.procedure)).toBe(`Choose a new date after ${after}.`);
  });
});
