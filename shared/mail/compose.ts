import { formatDate } from '../calendar/index.ts';
import type { AppContext } from '../app/context.ts';
import {
  capitalise,
  contactLine,
  describeEvent,
  DEFAULT_MARK,
  fieldPairs,
  outcomeLabel,
  stageName,
  termLines,
} from '../app/present.ts';
import { stageOf } from '../engine/terms.ts';
import type { CaseEvent, CaseState, Effect } from '../engine/types.ts';
import { text, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import type { OutgoingMessage } from './message.ts';
import { renderHtml, renderText, type Block } from './render.ts';
import { replyAddress } from './reply-address.ts';

type MailEffect = Extract<Effect, { kind: 'mail' }>;
type Ctx = Pick<AppContext, 'procedure' | 'signer' | 'publicUrl' | 'replyDomain'>;

export const statusUrl = (ctx: Ctx, ref: string, lang: Lang = 'nl') =>
  `${ctx.publicUrl}/complaints/${ref}?token=${ctx.signer.sign('status', ref)}${lang === 'en' ? '&lang=en' : ''}`;
export const staffCaseUrl = (ctx: Ctx, ref: string) => `${ctx.publicUrl}/staff/cases/${ref}`;
/** The raw message as it arrived, for staff (the case page links it on the timeline too). */
const staffOriginalUrl = (ctx: Ctx, ref: string, blob: string) => `${staffCaseUrl(ctx, ref)}/original?key=${encodeURIComponent(blob)}`;

/** The thread every mail of a case to its complainant belongs to (and a separate one for staff). */
export const threadRoot = (ctx: Ctx, ref: string, side: 'complainant' | 'staff') =>
  `<${ref.toLowerCase()}${side === 'staff' ? '.staff' : ''}@${ctx.replyDomain}>`;

const STAFF_TEMPLATES = new Set<MailEffect['template']>(['staff-new-case', 'staff-assigned', 'staff-reminder', 'staff-overdue', 'staff-message', 'staff-withdrawn']);

/**
 * Turns a mail effect into complete messages, one per recipient, each with a Reply-To signed for
 * that recipient and this case; pure given the case state at its commit.
 */
export function composeMail(ctx: Ctx, s: CaseState, effect: MailEffect, effectId: string): OutgoingMessage[] {
  const p = ctx.procedure;
  const lang = effect.lang;
  const t = (key: TextKey, vars: Record<string, string> = {}) => text(p, key, lang, { ...common(ctx, s, lang), ...vars });
  const { subject, blocks } = TEMPLATES[effect.template]({ ctx, s, effect, lang, t });
  const staff = STAFF_TEMPLATES.has(effect.template);
  const root = threadRoot(ctx, s.reference, staff ? 'staff' : 'complainant');
  const all: Block[] = [...blocks, { p: t('signature') }];
  const body = { text: renderText(all), html: renderHtml(all, lang, oneLine(subject)) };
  const local = p.organisation.email.split('@')[0]!;
  return effect.to.map((recipient, i) => {
    // The receipt starts the complainant's thread; every later mail answers it, so mail clients group them.
    const own = `<${effectId.replace(/[^A-Za-z0-9.-]/g, '.').toLowerCase()}${effect.to.length > 1 ? `.r${i}` : ''}@${ctx.replyDomain}>`;
    const messageId = effect.template === 'receipt' ? root : own;
    return {
      messageId,
      from: { email: p.organisation.email, name: p.organisation.name },
      to: [recipient],
      replyTo: { email: replyAddress(ctx.signer, { local, replyDomain: ctx.replyDomain, reference: s.reference, recipient: recipient.email }), name: p.organisation.name },
      subject: oneLine(subject),
      ...body,
      headers: {
      'auto-submitted': 'auto-generated',
      'x-auto-response-suppress': 'All',
      // Auto-responders that copy it let us recognise their answer as a loop.
      'x-loop': `${local}@${ctx.replyDomain}`,
      ...(messageId === root ? {} : { 'in-reply-to': root, references: root }),
      'content-language': lang,
      },
    };
  });
}

/** Subjects are single lines: nothing a user typed can add a header. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

function common(ctx: Ctx, s: CaseState, lang: Lang): Record<string, string> {
  const p = ctx.procedure;
  return {
    reference: s.reference,
    organisation: p.organisation.shortName ?? p.organisation.name,
    receivedDate: formatDate(s.receivedOn, lang),
    stage: s.stage ? stageName(p, s.stage, lang) : '',
  };
}

interface TemplateInput {
  ctx: Ctx;
  s: CaseState;
  effect: MailEffect;
  lang: Lang;
  t: (key: TextKey, vars?: Record<string, string>) => string;
}
type Template = (i: TemplateInput) => { subject: string; blocks: Block[] };

const words = (lang: Lang, nl: string, en: string) => (lang === 'nl' ? nl : en);

function nextSteps({ ctx, s, lang }: TemplateInput): Block[] {
  const p = ctx.procedure;
  const stage = stageOf(p, s.stage);
  const terms = termLines(p, s, lang);
  return [
    { h: words(lang, 'Wat gebeurt er nu?', 'What happens next?') },
    {
      p: `${capitalise(stageName(p, s.stage, lang))} ${words(lang, 'behandelt uw klacht.', 'handles your complaint.')}${stage.description ? ' ' + stage.description[lang] : ''}`,
    },
    ...(terms.length
      ? [{ dl: terms.map((l): [string, string] => [l.label, `${words(lang, 'uiterlijk', 'by')} ${l.date}${l.isDefault ? ' ' + DEFAULT_MARK[lang] : ''}`]) }]
      : []),
  ];
}

const statusLink = (i: TemplateInput): Block[] => [
  { p: i.t('status.linkIntro') },
  { link: { text: statusUrl(i.ctx, i.s.reference, i.lang), href: statusUrl(i.ctx, i.s.reference, i.lang) } },
];

const contact = (i: TemplateInput): Block => ({
  p: `${words(i.lang, 'Vragen? Neem contact op', 'Questions? Contact us')}: ${contactLine(i.ctx.procedure)}`,
});

function onward(i: TemplateInput, stageId: string): Block[] {
  const p = i.ctx.procedure;
  const stage = stageOf(p, stageId);
  const out: Block[] = [];
  const appeal = Object.values(i.s.openTerms).find((x) => x.termId === 'appeal');
  if (stage.appeal && appeal)
    out.push({
      p: `${i.t('notSatisfied')} ${stage.appeal.label[i.lang]}: ${words(i.lang, 'laat het ons weten vóór', 'let us know by')} ${formatDate(appeal.lastDay, i.lang)}${stage.appeal.requiresMotivation ? words(i.lang, ', met uw motivatie', ', with your reasons') : ''}. ${words(i.lang, 'U kunt daarvoor op deze e-mail antwoorden.', 'You can reply to this e-mail to do so.')}`,
    });
  const body = stage.nextBody ? p.nextBodies.find((b) => b.id === stage.nextBody) : undefined;
  if (body) out.push({ p: body.text[i.lang] + (body.url ? ` ${body.url}` : '') });
  return out;
}

const staffLink = (i: TemplateInput): Block => ({ link: { text: words(i.lang, 'Open de klacht', 'Open the complaint'), href: staffCaseUrl(i.ctx, i.s.reference) } });

const TEMPLATES: Record<MailEffect['template'], Template> = {
  receipt: (i) => ({
    subject: i.t('receipt.subject'),
    blocks: [
      { p: i.t('receipt.intro') },
      ...(i.s.admissibility === 'pending' ? [{ p: i.t('receipt.review') }] : []),
      ...(i.s.status === 'to-complete'
        ? [{ p: i.t('receipt.toComplete', { completeUrl: `${i.ctx.publicUrl}/?complete=${i.s.reference}&token=${i.ctx.signer.sign('complete', i.s.reference)}` }) }]
        : []),
      ...nextSteps(i),
      ...statusLink(i),
      { h: words(i.lang, 'Uw klacht', 'Your complaint') },
      { dl: fieldPairs(i.ctx.procedure, i.s, i.lang) },
      contact(i),
    ],
  }),
  acknowledged: (i) => {
    const next = termLines(i.ctx.procedure, i.s, i.lang)[0];
    return {
      subject: i.t('acknowledged.subject'),
      blocks: [{ p: i.t('acknowledged.body', { nextDate: next ? next.date : '-' }) }, ...statusLink(i), contact(i)],
    };
  },
  'concerned-copy': (i) => ({
    subject: i.t('concerned.subject'),
    blocks: [{ p: i.t('concerned.body') }, { quote: i.s.fields.description ?? '' }, staffLink(i)],
  }),
  'response-request': (i) => ({
    subject: i.t('response.subject'),
    blocks: [
      { p: i.t('response.body', { question: i.effect.vars.question ?? '', dueDate: i.effect.vars.dueDate ? formatDate(i.effect.vars.dueDate, i.lang) : '-' }) },
      { h: words(i.lang, 'De klacht', 'The complaint') },
      { quote: i.s.fields.description ?? '' },
    ],
  }),
  'conversation-record': (i) => ({
    subject: i.t('conversation.subject'),
    blocks: [
      { p: words(i.lang, `Op ${formatDate(i.effect.vars.date ?? i.s.receivedOn, i.lang)} is over uw klacht gesproken. Het verslag is vastgelegd in het dossier; u kunt het inzien via uw persoonlijke link.`, `On ${formatDate(i.effect.vars.date ?? i.s.receivedOn, i.lang)} your complaint was discussed. The record is kept in the file; you can read it through your private link.`) },
      ...statusLink(i),
    ],
  }),
  extension: (i) => ({
    subject: i.t('extension.subject'),
    blocks: [{ p: i.t('extension.body', { reason: i.effect.vars.reason ?? '', newDate: formatDate(i.effect.vars.newDate!, i.lang) }) }, ...statusLink(i), contact(i)],
  }),
  delay: (i) => ({
    subject: i.t('delay.subject'),
    blocks: [
      { p: i.t((i.effect.vars.text as TextKey) ?? 'delay.body', { term: i.effect.vars.term ?? '', dueDate: formatDate(i.effect.vars.dueDate!, i.lang) }) },
      ...statusLink(i),
      contact(i),
    ],
  }),
  escalated: (i) => ({
    subject: i.t('escalated.subject'),
    blocks: [{ p: i.t('escalated.body', { reason: i.effect.vars.reason ?? '' }) }, ...nextSteps(i), ...statusLink(i)],
  }),
  advice: (i) => ({
    subject: i.t('advice.subject', { stage: i.s.advice ? stageName(i.ctx.procedure, i.s.advice.stage, i.lang) : '' }),
    blocks: [
      { p: words(i.lang, `Het advies: ${outcomeLabel(i.ctx.procedure, i.effect.vars.outcome ?? '', i.lang)}.`, `The advice: ${outcomeLabel(i.ctx.procedure, i.effect.vars.outcome ?? '', i.lang)}.`) },
      ...(i.s.advice ? [{ h: words(i.lang, 'Aanbeveling', 'Recommendation') }, { quote: i.s.advice.recommendation }] : []),
      ...nextSteps(i),
      ...statusLink(i),
    ],
  }),
  decision: (i) => {
    const d = i.s.decision;
    const p = i.ctx.procedure;
    return {
      subject: i.t('decision.subject'),
      blocks: [
        { p: i.t('decision.body', { outcome: d ? outcomeLabel(p, d.outcome, i.lang) : '' }) },
        ...(d ? [{ h: words(i.lang, 'Motivering', 'Reasons') }, { p: d.motivation }] : []),
        ...(d?.measures ? [{ h: words(i.lang, 'Maatregelen', 'Measures') }, { p: d.measures }] : []),
        ...(d ? onward(i, d.stage) : []),
        ...statusLink(i),
        contact(i),
      ],
    };
  },
  withdrawn: (i) => ({ subject: i.t('withdrawn.subject'), blocks: [{ p: i.t('withdrawn.body') }, contact(i)] }),
  closed: (i) => ({ subject: i.t('closed.subject'), blocks: [{ p: i.effect.vars.reason ?? '' }, contact(i)] }),
  update: (i) => ({
    subject: i.t('update.subject'),
    blocks: [
      {
        p: i.effect.vars.event
          ? (describeEvent(i.ctx.procedure, JSON.parse(i.effect.vars.event) as CaseEvent, i.lang) ?? '')
          : i.t((i.effect.vars.text as TextKey) ?? 'update.subject'),
      },
      ...statusLink(i),
    ],
  }),
  'staff-new-case': (i) => ({
    subject: i.t('staff.newCase.subject'),
    blocks: [
      {
        p: words(i.lang, `Er is een klacht binnengekomen via ${i.s.channel} voor ${stageName(i.ctx.procedure, i.s.stage, i.lang)}.`, `A complaint came in through ${i.s.channel} for ${stageName(i.ctx.procedure, i.s.stage, i.lang)}.`),
      },
      ...(i.s.admissibility === 'pending' ? [{ p: words(i.lang, 'Let op: de klacht kwam na de termijn binnen; beslis over de ontvankelijkheid.', 'Note: the complaint arrived after the term; decide on admissibility.') }] : []),
      { dl: termLines(i.ctx.procedure, i.s, i.lang).map((l): [string, string] => [l.label, l.date]) },
      staffLink(i),
    ],
  }),
  message: (i) => ({
    subject: i.t('message.subject'),
    blocks: [
      { p: i.effect.vars.text ?? '' },
      ...(i.effect.vars.attachments ? [{ p: i.t('forward.attachments', { names: i.effect.vars.attachments.split('\n').join(', ') }) }] : []),
      ...(i.effect.vars.cut ? [{ p: i.t('forward.cutComplainant') }] : []),
      ...statusLink(i),
      { p: words(i.lang, 'U kunt op deze e-mail antwoorden.', 'You can reply to this e-mail.') },
    ],
  }),
  'staff-message': (i) => {
    const last = i.s.lastInbound;
    return {
      subject: i.t(i.effect.vars.sender === 'complainant' ? 'staff.message.subject' : 'staff.response.subject'),
      blocks: [
        { quote: last?.text ?? '' },
        ...(last?.attachments.length
          ? [{ p: i.t('forward.attachments', { names: last.attachments.map((a) => a.name + (a.refused ? ` (${i.t('forward.notKept')}: ${a.refused})` : '')).join(', ') }) }]
          : []),
        ...(last?.cut && last.blob ? [{ p: i.t('forward.cut') }, { link: { text: words(i.lang, 'Het originele bericht', 'The original message'), href: staffOriginalUrl(i.ctx, i.s.reference, last.blob) } }] : []),
        {
          p: i.effect.vars.sender === 'complainant'
            ? 'Antwoord op deze e-mail om de klager te antwoorden: uw antwoord komt op de tijdlijn en gaat namens de organisatie naar de klager; uw eigen adres blijft verborgen.'
            : 'Dit bericht staat op de tijdlijn van de klacht.',
        },
        staffLink(i),
      ],
    };
  },
  'staff-withdrawn': (i) => ({
    subject: i.t('staff.withdrawn.subject'),
    blocks: [{ p: `De klager heeft de klacht ingetrokken. Reden: ${i.effect.vars.reason ?? '-'}. De behandeling is gestopt en de termijnen zijn vervallen.` }, staffLink(i)],
  }),
  'staff-assigned': (i) => ({ subject: i.t('staff.assigned.subject'), blocks: [staffLink(i)] }),
  'staff-reminder': (i) => ({
    subject: i.t('staff.reminder.subject', { term: i.effect.vars.term ?? '', dueDate: formatDate(i.effect.vars.dueDate!, i.lang) }),
    blocks: [staffLink(i)],
  }),
  'staff-overdue': (i) => ({
    subject: i.t('staff.overdue.subject', { term: i.effect.vars.term ?? '' }),
    blocks: [
      { p: words(i.lang, `De termijn "${i.effect.vars.term}" is verstreken op ${formatDate(i.effect.vars.dueDate!, i.lang)}.`, `The term "${i.effect.vars.term}" passed on ${formatDate(i.effect.vars.dueDate!, i.lang)}.`) },
      staffLink(i),
    ],
  }),
};
