/**
 * The staff case page reads as written for staff: the complainant under "Klager" with staff labels
 * (not the complainant form's "Uw naam"), the stage in a sentence, and the terms as a small
 * timeline (past and open, in order, with dates and state).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProcedure } from '../../shared/procedure/load.ts';
import { renderCasePage } from '../../shared/web/staff.ts';
import type { CaseDetail } from '../../shared/app/staff-views.ts';

const p = parseProcedure(readFileSync(join(import.meta.dirname, '..', '..', 'procedures', 'hss.yaml'), 'utf8')).procedure;
const me = { email: 'm@example.org', name: 'Mia', roles: ['manager'] } as never;

const d: CaseDetail = {
  reference: 'HSS-2026-0001',
  seq: 7,
  status: 'open',
  statusLabel: 'In behandeling',
  stage: { id: 'manager', name: 'een manager', kind: 'internal' },
  admissibility: 'admitted',
  channel: 'web',
  receivedOn: '2026-01-06',
  fields: [['Uw naam', 'Saskia Spreeuw'], ['Uw e-mailadres', 'saskia@example.org'], ['Wat is uw klacht?', 'Niet teruggebeld.']],
  complaint: [['Wat is uw klacht?', 'Niet teruggebeld.']],
  complainant: { name: 'Saskia Spreeuw', email: 'saskia@example.org', phone: '06 1234 5678', address: 'Dorpsstraat 1' },
  terms: [{ instance: 'manager.decide#1', label: 'Besluit', lastDay: '2026-02-17', date: '17 februari 2026', isDefault: true, overdue: false, urgency: 'later' }],
  termLog: [{ term: 'Ontvangstbevestiging', lastDay: '2026-01-13', outcome: 'met' }],
  timeline: [],
  handlers: [],
  parties: [],
  outcomes: [{ value: 'gegrond', label: 'gegrond' }],
  escalateTo: [],
  pendingResponses: [],
  duties: [],
  requests: { messages: [], escalate: false, withdraw: false, extend: false },
  letters: [],
};

describe('the staff case page', () => {
  const page = renderCasePage(p, 'nl', me, 'csrf', d, {});

  it('shows the complainant under "Klager" with labels for staff, not the form’s', () => {
    const section = /<h2[^>]*>Klager<\/h2>([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
    for (const [label, value] of [['Naam', 'Saskia Spreeuw'], ['E-mail', 'saskia@example.org'], ['Telefoon', '06 1234 5678'], ['Adres', 'Dorpsstraat 1']])
      expect(section).toContain(`<th scope="row">${label}</th><td>${value}</td>`);
    expect(page).not.toContain('Uw naam');
    expect(page).not.toContain('Uw e-mailadres');
  });

  it('names the stage in a sentence', () => {
    expect(page).toContain('In behandeling bij een manager');
    expect(page).not.toMatch(/Fase<\/th><td>een manager/);
  });

  it('draws the terms as an ordered timeline: past with its outcome, then open with its date and state', () => {
    const terms = /<ol class="terms">([\s\S]*?)<\/ol>/.exec(page)?.[1] ?? '';
    const items = terms.match(/<li[\s\S]*?<\/li>/g) ?? [];
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Ontvangstbevestiging');
    expect(items[0]).toContain('13 januari 2026');
    expect(items[0]).toContain('gehaald');
    expect(items[1]).toContain('Besluit');
    expect(items[1]).toContain('17 februari 2026');
    expect(items[1]).toContain('Op tijd');
  });

  it('shows only the actions the case allows now, and says why when it is no longer open', () => {
    expect(page).toContain('value="decide"');
    const closed = renderCasePage(p, 'nl', me, 'csrf', { ...d, status: 'closed', statusLabel: 'Afgesloten' }, {});
    expect(closed).not.toContain('value="decide"');
    expect(closed).not.toContain('value="assign"');
    expect(closed).toContain('value="note"');
    expect(closed).toContain('Deze klacht is afgesloten, dus alleen wat daarna nog kan staat hier.');
  });

  it('groups the actions under small headings by what they do, leaving out an empty group', () => {
    const actions = /<h2>Acties<\/h2>([\s\S]*?)<h2>/.exec(page)?.[1] ?? '';
    const groups = [...actions.matchAll(/<h3>([^<]*)<\/h3>([\s\S]*?)(?=<h3>|$)/g)].map((m) => ({ heading: m[1], types: [...m[2]!.matchAll(/name="type" value="([^"]+)"/g)].map((t) => t[1]) }));
    expect(groups).toEqual([
      { heading: 'Behandeling', types: ['acknowledge', 'assign', 'extend'] },
      { heading: 'Contact', types: ['send-message', 'record-conversation', 'request-response'] },
      { heading: 'Uitkomst', types: ['decide'] },
      { heading: 'Afsluiten', types: ['withdraw', 'close'] },
      { heading: 'Notitie', types: ['note'] },
    ]);
    const closed = renderCasePage(p, 'nl', me, 'csrf', { ...d, status: 'closed', statusLabel: 'Afgesloten' }, {});
    expect(/<h2>Acties<\/h2>([\s\S]*?)<h2>/.exec(closed)?.[1]?.match(/<h3>[^<]*<\/h3>/g)).toEqual(['<h3>Notitie</h3>']);
  });
});


describe('the staff case page’s dates', () => {
  it('gives the day the complaint was received in words, not as an ISO date', () => {
    const page = renderCasePage(p, 'nl', me, 'csrf', d, {});
    expect(page).toContain('dinsdag 6 januari 2026 (web)');
    expect(page).not.toContain('2026-01-06 (web)');
  });
});
