/**
 * Issue 11, findings 4, 7 and 9: what a complainant reads. Every decision names the next step
 * (body, how to reach it, and its last day in words); Perspectief's director hears of a new
 * complaint; and the texts found wrong read right, in "u" or "je" as the procedure chooses.
 */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../shared/calendar/index.ts';
import { CaseHarness, complainant, staff } from '../support/engine-harness.ts';
import { lastText, renderMails } from '../support/mail-render.ts';

const KLAGER = 'klager@example.nl';
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const count = (text: string, part: string) => text.split(part).length - 1;

describe('finding 4: a decision names the next step (Awb 9:12)', () => {
  it("Perspectief: the director's decision names the committee, how to reach it and its last day in words", () => {
    const h = CaseHarness.for('perspectief-herstelbemiddeling', '2026-03-02T08:00:00Z');
    h.do({ type: 'submit', actor: complainant, reference: 'P-1', channel: 'web', lang: 'nl', procedureHash: h.hash, fields: { name: 'Els Visser', email: KLAGER, description: 'Mijn verhaal is gedeeld.' } });
    h.settleDuties(staff('directeur@perspectief.example.nl'), '2026-03-20T10:00:00Z');
    h.do({ type: 'decide', actor: staff('directeur@perspectief.example.nl'), outcome: 'ongegrond', motivation: 'Er is niets gedeeld.', measures: '' }, '2026-03-20T10:00:00Z');
    const mail = lastText(h, 'decision');
    const last = formatDate(h.term('appeal').lastDay, 'nl');
    expect(mail).toContain('Bent u het niet eens met deze beslissing?');
    expect(mail).toContain('klachtencommissie');
    expect(mail).toContain('Postbus 14208');
    expect(mail).toContain(`uiterlijk ${last}`);
    expect(lastText(h, 'decision', 'en')).toContain(`by ${formatDate(h.term('appeal').lastDay, 'en')}`);
  });

  it("Bureau MHR: the directie's decision names the bestuur, and the bestuur's the independent committee", () => {
    const h = CaseHarness.for('bureau-mhr', '2026-03-02T08:00:00Z');
    h.do({ type: 'submit', actor: complainant, reference: 'M-1', channel: 'web', lang: 'nl', procedureHash: h.hash, fields: { email: KLAGER, eventDate: '2026-02-20', klachtOver: 'directie', description: 'De directie antwoordt niet.' } });
    h.settleDuties(staff('bestuur@bureaumhr.example.nl'), '2026-03-10T10:00:00Z');
    h.do({ type: 'decide', actor: staff('bestuur@bureaumhr.example.nl'), outcome: 'gegrond', motivation: 'Het antwoord bleef uit.', measures: 'Wij antwoorden binnen een week.' }, '2026-03-10T10:00:00Z');
    const mail = lastText(h, 'decision');
    expect(mail).toContain('onafhankelijke commissie');
    expect(mail).toContain('klachtenregeling@bureaumhr.nl');
  });
});

describe('finding 7: Perspectief', () => {
  it('the director is told a complaint arrived, with the secretary', () => {
    const h = CaseHarness.for('perspectief-herstelbemiddeling', '2026-03-02T08:00:00Z');
    h.do({ type: 'submit', actor: complainant, reference: 'P-2', channel: 'web', lang: 'nl', procedureHash: h.hash, fields: { name: 'Els Visser', email: KLAGER, description: 'Mijn verhaal is gedeeld.' } });
    const to = h.lastMails('staff-new-case').flatMap((m) => m.to.flatMap((a) => ('email' in a ? [a.email] : [])));
    expect(to).toContain('directeur@perspectief.example.nl');
    expect(to).toContain('secretaris@perspectief.example.nl');
  });
});

describe('finding 9: the texts a complainant reads', () => {
  function benDecided() {
    const h = CaseHarness.for('ben-in-de-buurt', '2027-02-15T08:00:00Z');
    h.do({ type: 'submit', actor: complainant, reference: 'B-1', channel: 'web', lang: 'nl', procedureHash: h.hash, fields: { email: KLAGER, eventDate: '2027-02-01', topic: 'bejegening', description: 'Ik werd weggestuurd.' } });
    h.settleDuties(staff('anna.devries@benindebuurt.example.nl'), '2027-03-01T10:00:00Z');
    h.do({ type: 'decide', actor: staff('anna.devries@benindebuurt.example.nl'), outcome: 'gegrond', motivation: 'Dat had niet mogen gebeuren.', measures: 'Een gesprek met de medewerker.' }, '2027-03-01T10:00:00Z');
    return h;
  }

  it('the appeal sentence asks once and says "uiterlijk" the day the engine still accepts', () => {
    const h = benDecided();
    const mail = lastText(h, 'decision');
    expect(count(mail, 'Niet tevreden')).toBeLessThanOrEqual(1);
    expect(mail).not.toContain('vóór');
    expect(mail).toContain(`uiterlijk ${formatDate(h.term('appeal').lastDay, 'nl')}`);
  });

  it('Ben in de Buurt writes "je"', () => {
    const h = benDecided();
    for (const r of renderMails(h, { lang: 'nl' }).filter((r) => !r.template.startsWith('staff-'))) {
      expect(`${r.message.subject}\n${r.message.text}`, r.template).not.toMatch(/\b[Uu]w?\b/);
    }
  });

  it('a stage is not named as if it were the handler ("Bemiddeling behandelt", "Het besluit van de directeur behandelt")', () => {
    const m = CaseHarness.for('bureau-mhr', '2026-03-02T08:00:00Z');
    m.do({ type: 'submit', actor: complainant, reference: 'M-2', channel: 'web', lang: 'nl', procedureHash: m.hash, fields: { email: KLAGER, eventDate: '2026-02-20', klachtOver: 'medewerker', description: 'Onaardig.' } });
    expect(lastText(m, 'receipt')).not.toMatch(/Bemiddeling behandelt/i);
    expect(lastText(m, 'receipt')).toContain('De klachtenbemiddelaar behandelt uw klacht.');

    const p = CaseHarness.for('perspectief-herstelbemiddeling', '2026-03-02T08:00:00Z');
    p.do({ type: 'submit', actor: complainant, reference: 'P-3', channel: 'web', lang: 'nl', procedureHash: p.hash, fields: { name: 'Els Visser', email: KLAGER, description: 'Gedeeld.' } });
    p.settleDuties(staff('directeur@perspectief.example.nl'), '2026-03-20T10:00:00Z');
    p.do({ type: 'decide', actor: staff('directeur@perspectief.example.nl'), outcome: 'ongegrond', motivation: 'Niets gedeeld.', measures: '' }, '2026-03-20T10:00:00Z');
    p.do({ type: 'escalate', actor: complainant, reason: 'Niet eens.' }, '2026-03-25T10:00:00Z');
    p.do({ type: 'advise', actor: staff('commissie@perspectief.example.nl'), outcome: 'gegrond', motivation: 'Wel gedeeld.', recommendation: 'Excuses aanbieden.' }, '2026-04-20T10:00:00Z');
    const advice = lastText(p, 'advice');
    expect(advice).not.toMatch(/besluit van de directeur behandelt/i);
    expect(advice).toContain('De directeur behandelt uw klacht.');
  });

  it('a late complaint is refused with its dates in words', () => {
    const h = CaseHarness.for('bureau-mhr', '2027-02-02T08:00:00Z');
    const r = h.refuse({ type: 'submit', actor: complainant, reference: 'M-3', channel: 'web', lang: 'nl', procedureHash: h.hash, fields: { email: KLAGER, eventDate: '2026-11-01', klachtOver: 'medewerker', description: 'Lang geleden.' } });
    for (const lang of ['nl', 'en'] as const) expect(r.message[lang]).not.toMatch(ISO_DATE);
    expect(r.message.nl).toContain('zondag 1 november 2026');
    expect(r.message.nl).toContain('maandag 1 februari 2027');
  });

  it('a mediation that did not resolve the complaint is not "Ons oordeel: niet opgelost"', () => {
    const h = CaseHarness.for('bureau-mhr', '2026-03-02T08:00:00Z');
    h.do({ type: 'submit', actor: complainant, reference: 'M-4', channel: 'web', lang: 'nl', procedureHash: h.hash, fields: { email: KLAGER, eventDate: '2026-02-20', klachtOver: 'medewerker', description: 'Onaardig.' } });
    h.do({ type: 'record-conversation', actor: staff('bemiddeling@bureaumhr.example.nl'), date: '2026-03-05', attendees: ['Klager', 'Bemiddelaar'], summary: 'Geen oplossing.', signedBy: ['Klager', 'Bemiddelaar'] }, '2026-03-05T15:00:00Z');
    h.settleDuties(staff('bemiddeling@bureaumhr.example.nl'), '2026-03-06T10:00:00Z');
    h.do({ type: 'decide', actor: staff('bemiddeling@bureaumhr.example.nl'), outcome: 'niet-opgelost', motivation: 'Wij kwamen er samen niet uit.', measures: '' }, '2026-03-06T10:00:00Z');
    const mail = lastText(h, 'decision');
    expect(mail).not.toContain('Ons oordeel: niet opgelost');
    expect(mail).toContain('De bemiddeling heeft uw klacht niet opgelost.');
    expect(mail).toContain(`uiterlijk ${formatDate(h.term('appeal').lastDay, 'nl')}`);
  });

  it('the status link is printed once in a plain-text mail', () => {
    const h = CaseHarness.for('hss', '2026-03-02T08:00:00Z');
    h.do({ type: 'submit', actor: complainant, reference: 'H-1', channel: 'web', lang: 'nl', procedureHash: h.hash, fields: { email: KLAGER, topic: 'advies', description: 'Verkeerd advies.' } });
    const text = lastText(h, 'receipt');
    expect(count(text, '/complaints/H-1?token=')).toBe(1);
  });

  it('a delay notice apologises, gives the reason and a new date (Buro Leerlingenhulp)', () => {
    const h = CaseHarness.for('buro-leerlingenhulp', '2026-03-02T08:00:00Z');
    h.do({ type: 'submit', actor: complainant, reference: 'L-1', channel: 'web', lang: 'nl', procedureHash: h.hash, fields: { childName: 'Sem', name: 'Iris de Boer', address: 'Dorpsstraat 1, Ergens', phone: '0612345678', email: KLAGER, eventDate: '2026-02-27', description: 'Afspraken niet nagekomen.' } });
    h.advanceTo('2026-04-01T08:00:00Z');
    const mail = lastText(h, 'delay');
    expect(mail).toMatch(/spijt/);
    expect(mail).toMatch(/reden/i);
    expect(mail).toMatch(/uiterlijk (maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} \w+ 2026/);
    expect(mail).not.toMatch(ISO_DATE);
  });

  it("Perspectief's refusal of an anonymous complaint gives its own reason, not Buro Leerlingenhulp's", () => {
    const h = CaseHarness.for('perspectief-herstelbemiddeling', '2026-03-02T08:00:00Z');
    const r = h.refuse({ type: 'submit', actor: complainant, reference: 'P-4', channel: 'web', lang: 'nl', procedureHash: h.hash, fields: { email: KLAGER, description: 'Anoniem.' } });
    expect(r.message.nl).not.toContain('onvoldoende kan worden onderzocht');
    expect(r.message.nl).toContain('naam en contactgegevens');
  });
});
