/**
 * Every mail template and the status page texts, for every procedure, in Dutch ("u" and "je") and
 * English, rendered from real case histories: no duplicated sentence, no ISO date, no unfilled
 * `{placeholder}`, no empty value. The cases are driven through the engine with a generic script
 * (commands a procedure does not allow are simply refused), so each mail has its real state.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, MailTemplate } from '../../shared/engine/types.ts';
import { complainantView } from '../../shared/presentation/status.ts';
import type { Procedure } from '../../shared/procedure/schema.ts';
import { CaseHarness, complainant, PROCEDURE_IDS, staff, type ProcedureId } from '../support/engine-harness.ts';
import { renderMails, type Rendered } from '../support/mail-render.ts';

const ALL_TEMPLATES = {
  receipt: true, 'staff-new-case': true, acknowledged: true, 'concerned-copy': true, 'response-request': true,
  'conversation-record': true, extension: true, delay: true, escalated: true, advice: true, decision: true,
  withdrawn: true, closed: true, update: true, 'staff-assigned': true, 'staff-reminder': true, 'staff-overdue': true,
  message: true, 'staff-message': true, 'staff-withdrawn': true, 'hearing-offer': true, 'concerned-extension': true,
} satisfies Record<MailTemplate, true>;

const FIELDS: Record<string, string> = {
  name: 'Iris de Boer', email: 'iris@example.nl', phone: '0612345678', address: 'Dorpsstraat 1, 9700 AA Groningen',
  childName: 'Sem', employeeName: 'Jan Jansen', klachtOver: 'medewerker', topic: 'bejegening',
  description: 'Ik werd bij de balie onvriendelijk weggestuurd.', desiredSolution: 'Een gesprek.',
};

/** Every member of every role: whoever the stage needs, one of them acts. */
const members = (p: Procedure) => Object.values(p.roles).flatMap((r) => r.members.map((m) => staff(m.email)));

/** Sends a command as each staff member in turn until one is accepted (or none is). */
function asAnyone(h: CaseHarness, input: Record<string, unknown>, at?: string) {
  if (at) h.advanceTo(at);
  for (const actor of members(h.procedure)) if (h.send({ ...input, actor } as never).ok) return true;
  return false;
}

/** One case through everything the engine accepts of: parties, responses, records, extension, terms, decisions, appeals. */
function fullCase(id: ProcedureId, variant: number): CaseHarness {
  const p = CaseHarness.for(id, '2026-03-02T08:00:00Z').procedure;
  const fields = Object.fromEntries(p.intake.fields.filter((f) => f.key in FIELDS).map((f) => [f.key, FIELDS[f.key]!]));
  if (p.intake.fields.some((f) => f.key === 'eventDate')) fields.eventDate = '2026-02-27';
  const h = CaseHarness.for(id, '2026-03-02T08:00:00Z');
  h.do({ type: 'submit', actor: complainant, reference: `${id.toUpperCase()}-${variant}`, channel: 'web', lang: 'nl', procedureHash: h.hash, fields });
  asAnyone(h, { type: 'add-party', role: 'complained-about', name: 'Jan Jansen', email: 'jan.jansen@example.nl' });
  asAnyone(h, { type: 'acknowledge' }, '2026-03-03T09:00:00Z');
  // Awb 9:10: every party is offered a hearing (the offer is a mail of its own).
  for (const x of h.s.parties) asAnyone(h, { type: 'offer-hearing', party: x.id });
  // Awb 9:9: a person complained about without e-mail gets the copy by hand.
  for (const x of h.s.parties) if (x.role === 'complained-about' && !x.email) asAnyone(h, { type: 'record-copy', party: x.id, how: 'hand' });
  asAnyone(h, { type: 'assign', handler: members(h.procedure)[0]!.kind === 'staff' ? (members(h.procedure)[0] as Extract<Actor, { kind: 'staff' }>).email : '' });
  asAnyone(h, { type: 'request-response', from: 'jan.jansen@example.nl', question: 'Wat gebeurde er aan de balie?' });
  h.send({ type: 'receive-message', actor: { kind: 'system' }, party: 'complainant', sender: 'iris@example.nl', subject: 'Aanvulling', text: 'Er was ook een collega bij.', attachments: [] } as never);
  asAnyone(h, { type: 'send-message', text: 'Dank voor de aanvulling.' });
  asAnyone(h, { type: 'record-conversation', date: '2026-03-04', attendees: ['Iris de Boer', 'Jan Jansen'], summary: 'Besproken wat er gebeurde.', signedBy: ['Iris de Boer', 'Jan Jansen'] }, '2026-03-04T15:00:00Z');
  if (variant === 1) {
    // Terms pass: reminders, overdue alerts, delay notices, escalations by term.
    h.advanceTo('2026-05-20T08:00:00Z');
    asAnyone(h, { type: 'extend', reason: 'wij wachten op een verslag', until: '2026-06-10' });
  } else asAnyone(h, { type: 'extend', reason: 'wij wachten op een verslag', until: '2026-04-24' });
  // Decide in every stage the case reaches; appeal after each decision while an appeal is open.
  for (let round = 0; round < 4; round++) {
    const at = `2026-0${6 + round}-01T09:00:00Z`;
    const outcome = h.procedure.stages.find((s) => s.id === h.s.stage)?.kind === 'mediation' ? 'niet-opgelost' : round % 2 ? 'deels-gegrond' : 'ongegrond';
    asAnyone(h, { type: 'advise', outcome: 'gegrond', motivation: 'De klacht klopt.', recommendation: 'Bied excuses aan.' }, at);
    // A party not heard in the conversation said they did not want to be (refused when already heard).
    for (const x of h.s.parties) asAnyone(h, { type: 'waive-hearing', party: x.id, reason: 'declined' });
    asAnyone(h, { type: 'decide', outcome, motivation: 'Wij hebben beide kanten gehoord.', measures: 'Een gesprek met het team.' });
    if (!h.send({ type: 'escalate', actor: complainant, reason: 'Ik ben het er niet mee eens.' }, `2026-0${6 + round}-05T09:00:00Z`).ok) break;
    // A step in the next stage (a committee's secretary keeps the complainant informed).
    asAnyone(h, { type: 'request-response', from: 'jan.jansen@example.nl', question: 'Is er nog iets toe te voegen?' }, `2026-0${6 + round}-08T15:00:00Z`);
  }
  h.advanceTo('2027-01-10T09:00:00Z');
  return h;
}

function withdrawnCase(id: ProcedureId): CaseHarness {
  const h = fullCase(id, 2);
  const w = CaseHarness.for(id, '2026-03-02T08:00:00Z');
  w.do({ type: 'submit', actor: complainant, reference: `${id.toUpperCase()}-W`, channel: 'web', lang: 'en', procedureHash: w.hash, fields: (h.events[0] as { fields: Record<string, string> }).fields });
  w.do({ type: 'withdraw', actor: complainant, reason: 'Het is opgelost.' }, '2026-03-05T09:00:00Z');
  return w;
}

function closedCase(id: ProcedureId): CaseHarness {
  const c = CaseHarness.for(id, '2026-03-02T08:00:00Z');
  const fields = (withdrawnCase(id).events[0] as { fields: Record<string, string> }).fields;
  c.do({ type: 'submit', actor: complainant, reference: `${id.toUpperCase()}-C`, channel: 'web', lang: 'nl', procedureHash: c.hash, fields });
  asAnyone(c, { type: 'close', reason: 'De klacht is elders in behandeling.' }, '2026-03-05T09:00:00Z');
  return c;
}

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const PLACEHOLDER = /\{\w+\}/;
const EMPTY = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]|:\s*\.|\s\.(\s|$)|,\s*[.,]|\(\s*\)|""/;

/** The sentences of a text, for the duplicate check: long enough to matter, no links or rules. */
function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.?!])\s+/)
    .map((s) => s.trim().replace(/^>\s*/, ''))
    .filter((s) => s.length >= 12 && !/^https?:\/\//.test(s) && !/^-+$/.test(s));
}

function problems(where: string, text: string): string[] {
  const out: string[] = [];
  if (ISO_DATE.test(text.replace(/https?:\/\/\S+/g, ''))) out.push(`${where}: ISO date: ${ISO_DATE.exec(text)![0]}`);
  if (PLACEHOLDER.test(text)) out.push(`${where}: unfilled ${PLACEHOLDER.exec(text)![0]}`);
  const empty = EMPTY.exec(text.replace(/https?:\/\/\S+/g, ''));
  if (empty) out.push(`${where}: empty value near "${text.slice(Math.max(0, empty.index - 30), empty.index + 10)}"`);
  const seen = new Set<string>();
  for (const s of sentences(text)) {
    const key = s.toLowerCase();
    if (seen.has(key)) out.push(`${where}: sentence twice: "${s}"`);
    seen.add(key);
  }
  return out;
}

/** The procedure as written, and with the other form of address. */
const addressForms = (p: Procedure): Procedure[] => [p, { ...p, addressForm: p.addressForm === 'je' ? 'u' : 'je' }];

describe.each(PROCEDURE_IDS)('%s: every mail and the status page, nl (u and je) and en', (id) => {
  const cases = [fullCase(id, 1), fullCase(id, 2), withdrawnCase(id), closedCase(id)];

  it('every mail reads without a doubled sentence, ISO date, placeholder or empty value', () => {
    const found: string[] = [];
    for (const h of cases)
      for (const procedure of addressForms(h.procedure))
        for (const lang of ['nl', 'en'] as const) {
          if (lang === 'en' && procedure !== h.procedure) continue;
          for (const r of renderMails(h, { lang, procedure }))
            found.push(...problems(`${r.template} (${lang}, ${procedure.addressForm})`, `${r.message.subject}\n\n${r.message.text}`));
        }
    expect(found).toEqual([]);
  });

  it('the status page texts read right at every step', () => {
    const found: string[] = [];
    for (const h of cases)
      for (const procedure of addressForms(h.procedure))
        for (const lang of ['nl', 'en'] as const)
          h.steps.forEach((step, i) => {
            if (!step.result.ok) return;
            const v = complainantView(procedure, step.result.state, h.events.slice(0, h.steps.slice(0, i + 1).filter((s) => s.result.ok).reduce((n, s) => n + (s.result.ok ? s.result.events.length : 0), 0)), lang, step.at);
            const text = [v.statusLabel, v.stage.handler, v.stage.description ?? '', ...v.terms.map((t) => `${t.label}: ${t.date}`), ...v.timeline.map((t) => `${t.date}: ${t.text}`), ...v.onward].join('\n');
            found.push(...problems(`status after ${step.command.type} (${lang}, ${procedure.addressForm})`, text));
          });
    expect([...new Set(found)]).toEqual([]);
  });

  if (id === 'ben-in-de-buurt')
    it('Ben in de Buurt addresses every reader with "je", never "u"', () => {
      const found = cases.flatMap((h) =>
        renderMails(h, { lang: 'nl' })
          .filter((r: Rendered) => !r.template.startsWith('staff-'))
          .flatMap((r) => {
            const m = /\b[Uu]w?\b/.exec(`${r.message.subject}\n${r.message.text}`);
            return m ? [`${r.template}: "${r.message.text.slice(Math.max(0, m.index - 40), m.index + 20)}"`] : [];
          }),
      );
      expect(found).toEqual([]);
    });
});

it('together the procedures render every mail template', () => {
  const rendered = new Set(PROCEDURE_IDS.flatMap((id) => [fullCase(id, 1), fullCase(id, 2), withdrawnCase(id), closedCase(id)].flatMap((h) => renderMails(h).map((r) => r.template))));
  expect(Object.keys(ALL_TEMPLATES).filter((t) => !rendered.has(t as MailTemplate))).toEqual([]);
});
