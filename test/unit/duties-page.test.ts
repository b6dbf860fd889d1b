/**
 * The duties are visible: in the case JSON (`CaseDetail.duties`) and as a checklist on the staff
 * case page, every value escaped; the forms post the actions that move them.
 */
import { describe, expect, it } from 'vitest';
import { detail } from '../../shared/app/staff-views.ts';
import { renderCasePage } from '../../shared/web/staff.ts';
import { CaseHarness, staff } from '../support/engine-harness.ts';

const DIRECTIE = 'directie@hss.example.nl';

describe('duties on the case page and in the case JSON', () => {
  it('lists each duty with state, date and reason; names are escaped; the hearing forms are there', () => {
    const h = CaseHarness.for('hss', '2026-03-02T09:00:00Z');
    h.do({ type: 'submit', actor: { kind: 'complainant' }, reference: 'K-1', channel: 'web', lang: 'nl', fields: { name: 'Henk <b>Smit</b>', email: 'klager@example.nl', topic: 'bejegening', employeeName: 'Jan <script>x</script>', description: 'Onvriendelijk.' }, procedureHash: 'h' });
    h.do({ type: 'offer-hearing', actor: staff(DIRECTIE), party: 'complainant' });
    const d = detail(h.procedure, h.s, h.events, 3, h.now, 'nl');
    expect(d.duties.map((x) => [x.duty, x.state, x.when ?? '', x.reason ?? ''])).toEqual([
      ['acknowledgement', 'done', 'op maandag 2 maart 2026', ''],
      ['registration', 'done', 'op maandag 2 maart 2026', ''],
      ['copy', 'due', '', 'nog geen e-mailadres of postadres bekend'],
      ['hearing', 'due', 'uiterlijk maandag 16 maart 2026', 'aangeboden; antwoord gevraagd'],
      ['hearing', 'due', '', 'nog niet aangeboden'],
      ['decision-term', 'due', 'uiterlijk maandag 13 april 2026', ''],
      ['decision-written', 'due', '', ''],
    ]);
    expect(d.duties[2]!.label).toBe('Kopie van de klacht naar Jan <script>x</script>');
    const page = renderCasePage(h.procedure, 'nl', { email: DIRECTIE, name: 'Directeur HSS', roles: ['directie'] }, 'csrf', d, {});
    expect(page).toContain('Plichten bij deze klacht (Awb hoofdstuk 9)');
    expect(page).toContain('Kopie van de klacht naar Jan &lt;script&gt;x&lt;/script&gt;');
    expect(page).not.toContain('<script>x');
    expect(page).toContain('Henk &lt;b&gt;Smit&lt;/b&gt; in de gelegenheid stellen om gehoord te worden');
    for (const type of ['offer-hearing', 'waive-hearing', 'record-copy']) expect(page).toContain(`name="type" value="${type}"`);
    expect(page).toContain('Awb 9:10');
  });
});
