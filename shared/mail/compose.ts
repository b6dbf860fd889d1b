import { formatDate, termEnd } from '../calendar/index.ts';
import { nextStepSentence } from '../presentation/next-step.ts';
import {
  capitalise,
  contactLine,
  describeEvent,
  durationWords,
  fieldPairs,
  handlerPhrase,
  outcomeLabel,
  stageName,
  termLines,
  verdict,
} from '../presentation/present.ts';
import { stageOf } from '../engine/terms.ts';
import type { CaseState, MailEffect, MailTemplate } from '../engine/types.ts';
import { text, type Lang } from '../procedure/text.ts';
import type { TextKey } from '../procedure/texts.ts';
import type { Procedure } from '../procedure/schema.ts';
import type { Signer } from '../security/signer.ts';
import type { OutgoingMessage } from './message.ts';
import { renderHtml, renderText, type Block } from './render.ts';
import { replyAddress } from './reply-address.ts';

/** What composing needs of the running office (a subset of the app context). */
type Ctx = { procedure: Procedure; signer: Signer; publicUrl: string; replyDomain: string };

export const statusUrl = (ctx: Ctx, ref: string, lang: Lang = 'nl') =>
  `${ctx.publicUrl}/complaints/${ref}?token=${ctx.signer.sign('status', ref)}${lang === 'en' ? '&lang=en' : ''}`;
export const staffCaseUrl = (ctx: Ctx, ref: string) => `${ctx.publicUrl}/staff/cases/${ref}`;
/** What a copy link is signed for: this case and this recipient. */
export const copySubject = (ref: string, to: string) => `${ref}:${to.toLowerCase()}`;
/** The copy of the complaint for one person complained about (see app/use-cases/read-copy.ts). */
export const copyUrl = (ctx: Ctx, ref: string, to: string) =>
  `${ctx.publicUrl}/complaints/${ref}/kopie?to=${encodeURIComponent(to.toLowerCase())}&token=${ctx.signer.sign('copy', copySubject(ref, to))}`;
/** One attachment of the complaint for one person complained about: signed for the case, the address and the attachment (its content hash). */
export const copyAttachmentSubject = (ref: string, to: string, hash: string) => `${copySubject(ref, to)}:${hash}`;
export const copyAttachmentPath = (ctx: Pick<Ctx, 'signer'>, ref: string, to: string, hash: string) =>
  `/complaints/${ref}/kopie/bijlage?to=${encodeURIComponent(to.toLowerCase())}&a=${encodeURIComponent(hash)}&token=${ctx.signer.sign('copy-attachment', copyAttachmentSubject(ref, to, hash))}`;
/** The raw message as it arrived, for staff (the case page links it on the timeline too). */
const staffOriginalUrl = (ctx: Ctx, ref: string, blob: string) => `${staffCaseUrl(ctx, ref)}/original?key=${encodeURIComponent(blob)}`;

/**
 * The thread every mail of a case to its complainant belongs to (and a separate one for staff):
 * `<ref.mac@replyDomain>`. The MAC keeps it from being made from the reference, which is in every
 * subject line; an inbound thread header that carries it only suggests a case (see receive-mail).
 */
export const threadRoot = (ctx: Pick<Ctx, 'signer' | 'replyDomain'>, ref: string, side: ThreadSide) =>
  `<${ref.toLowerCase()}.${ctx.signer.sign(`thread-${side}`, ref.toUpperCase(), 'base32')}@${ctx.replyDomain}>`;
export type ThreadSide = 'complainant' | 'staff';

/** The case a thread id of ours names, if its MAC holds (under any current key). */
export function caseOfThreadId(ctx: Pick<Ctx, 'signer' | 'replyDomain'>, id: string): string | undefined {
  const m = /^<([a-z0-9-]+)\.([a-z0-9]+)@(.+)>$/.exec(id.toLowerCase());
  if (!m || m[3] !== ctx.replyDomain.toLowerCase()) return undefined;
  const ref = m[1]!.toUpperCase();
  return (['complainant', 'staff'] as const).some((side) => ctx.signer.verify(`thread-${side}`, ref, m[2], 'base32')) ? ref : undefined;
}

const STAFF_TEMPLATES = new Set<MailEffect['template']>(['staff-new-case', 'staff-assigned', 'staff-reminder', 'staff-overdue', 'staff-message', 'staff-withdrawn']);

/**
 * Turns a mail effect into complete messages, one per recipient by e-mail, each with a Reply-To
 * signed for that recipient and this case; pure given the case state at its commit. Recipients by
 * post get the same text as a letter (`composeLetter`).
 */
export function composeMail(ctx: Ctx, s: CaseState, effect: MailEffect, effectId: string): OutgoingMessage[] {
  const p = ctx.procedure;
  const lang = effect.lang;
  const { subject, blocks } = composeBody(ctx, s, effect, 'mail');
  const staff = STAFF_TEMPLATES.has(effect.template);
  const root = threadRoot(ctx, s.reference, staff ? 'staff' : 'complainant');
  const body = { text: renderText(blocks), html: renderHtml(blocks, lang, subject) };
  const local = p.organisation.email.split('@')[0]!;
  // The index in `to` (letters included) names each message, so its id stays what it always was.
  return effect.to.flatMap((recipient, i) => {
    if (!('email' in recipient)) return [];
    // The receipt starts the complainant's thread; every later mail answers it, so mail clients group them.
    const own = `<${ctx.signer.sign('message-id', `${effectId}.r${i}`, 'base32')}@${ctx.replyDomain}>`;
    const messageId = effect.template === 'receipt' ? root : own;
    return [{
      messageId,
      from: { email: p.organisation.email, name: p.organisation.name },
      to: [recipient],
      replyTo: { email: replyAddress(ctx.signer, { local, replyDomain: ctx.replyDomain, reference: s.reference, recipient: recipient.email }), name: p.organisation.name },
      subject,
      ...body,
      headers: {
      'auto-submitted': 'auto-generated',
      'x-auto-response-suppress': 'All',
      // Auto-responders that copy it let us recognise their answer as a loop.
      'x-loop': `${local}@${ctx.replyDomain}`,
      ...(messageId === root ? {} : { 'in-reply-to': root, references: root }),
      'content-language': lang,
      },
    }];
  });
}

/** A message as a letter: the same words as the mail, for a recipient by post. */
export interface LetterText {
  subject: string;
  blocks: Block[];
  lang: Lang;
}

/**
 * The text of a mail effect as a letter. A letter cannot be answered by e-mail, so the mail's "reply
 * to this e-mail" says how to write or call instead, and links to the staff pages are left out; the
 * complainant's private status link stays (it is printed as an address).
 */
export function composeLetter(ctx: Ctx, s: CaseState, effect: MailEffect): LetterText {
  const { subject, blocks } = composeBody(ctx, s, effect, 'letter');
  const staffPages = staffCaseUrl(ctx, s.reference);
  return { subject, blocks: blocks.filter((b) => !('link' in b && b.link.href.startsWith(staffPages))), lang: effect.lang };
}

/** In a letter, instead of the mail's words about replying by e-mail. */
const IN_A_LETTER: Partial<Record<TextKey, TextKey>> = { 'mail.replyToAppeal': 'letter.replyToAppeal', 'message.replyHint': 'letter.replyHint', 'copy.attachmentsMail': 'copy.attachmentsLetter' };

/** The subject and blocks (signature included) of a mail effect, as a mail or as a letter. */
function composeBody(ctx: Ctx, s: CaseState, effect: MailEffect, medium: 'mail' | 'letter'): { subject: string; blocks: Block[] } {
  const p = ctx.procedure;
  const lang = effect.lang;
  const t = (key: TextKey, vars: Record<string, string> = {}) =>
    text(p, (medium === 'letter' && IN_A_LETTER[key]) || key, lang, { ...common(ctx, s, lang), ...vars });
  const template = TEMPLATES[effect.template] as Template<MailTemplate>;
  const { subject, blocks } = template({ ctx, s, effect, lang, t });
  return { subject: oneLine(subject), blocks: [...blocks, { p: t('signature') }] };
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
    handler: s.stage ? handlerPhrase(p, s.stage, lang) : '',
  };
}

interface TemplateInput<T extends MailTemplate> {
  ctx: Ctx;
  s: CaseState;
  effect: Extract<MailEffect, { template: T }>;
  lang: Lang;
  t: (key: TextKey, vars?: Record<string, string>) => string;
}
type Template<T extends MailTemplate> = (i: TemplateInput<T>) => { subject: string; blocks: Block[] };
/** What the shared parts of a mail need (not the effect's own data). */
type AnyInput = Omit<TemplateInput<MailTemplate>, 'effect'>;

function nextSteps({ ctx, s, lang, t }: AnyInput): Block[] {
  const p = ctx.procedure;
  const stage = stageOf(p, s.stage);
  const terms = termLines(p, s, lang);
  return [
    { h: t('mail.nextSteps') },
    { p: `${t('mail.handles', { handler: capitalise(handlerPhrase(p, s.stage, lang)) })}${stage.description ? ' ' + stage.description[lang] : ''}` },
    ...(terms.length ? [{ dl: terms.map((l): [string, string] => [l.label, `${t('mail.by', { date: l.date })}${l.isDefault ? ' ' + t('term.defaultMark') : ''}`]) }] : []),
  ];
}

const statusLink = (i: AnyInput): Block[] => [
  { p: i.t('status.linkIntro') },
  { link: { text: statusUrl(i.ctx, i.s.reference, i.lang), href: statusUrl(i.ctx, i.s.reference, i.lang) } },
];

const contact = (i: AnyInput): Block => ({ p: i.t('mail.contact', { contact: contactLine(i.ctx.procedure) }) });

function onward(i: AnyInput, stageId: string): Block[] {
  const p = i.ctx.procedure;
  const stage = stageOf(p, stageId);
  const next = nextStepSentence(p, i.s, stageId, i.lang);
  if (next) return [{ p: next }];
  // A procedure file without a nextStep here (`procedure check` warns): its appeal and next body, as they are.
  const out: Block[] = [];
  const appeal = Object.values(i.s.openTerms).find((x) => x.termId === 'appeal');
  // A decision that goes by post: its window starts when the letter is posted, so it has no last day yet.
  const byPost = !appeal && i.s.letters.some((l) => l.then === 'decision-sent' && !l.postedOn);
  const when = appeal ? i.t('appeal.letUsKnow', { date: formatDate(appeal.lastDay, i.lang) }) : stage.appeal && i.t('letter.appealWithin', { window: durationWords(stage.appeal.window, i.lang) });
  if (stage.appeal && (appeal || byPost))
    out.push({
      p: `${i.t('notSatisfied')} ${stage.appeal.label[i.lang]}: ${when}${stage.appeal.requiresMotivation ? i.t('mail.withReasons') : ''}. ${i.t('mail.replyToAppeal')}`,
    });
  const body = stage.nextBody ? p.nextBodies.find((b) => b.id === stage.nextBody) : undefined;
  if (body) out.push({ p: body.text[i.lang] + (body.url ? ` ${body.url}` : '') });
  return out;
}

/** After a missed term: the latest date the law allows for the answer without the complainant's consent (Awb 9:11 lid 2). */
const lateDate = (p: Procedure, lastDay: string) => termEnd(lastDay, p.extension.max, p.calendar).lastDay;

const staffLink = (i: AnyInput): Block => ({ link: { text: i.t('mail.openComplaint'), href: staffCaseUrl(i.ctx, i.s.reference) } });

/** How much of each field the receipt quotes. */
export const RECEIPT_QUOTE_CHARS = 200;

const TEMPLATES: { [T in MailTemplate]: Template<T> } = {
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
      { h: i.t('mail.yourComplaint') },
      // Quoted in part: the receipt goes to an address nobody confirmed yet, so it must not carry
      // a stranger's long text from the organisation's address (the status page shows it all).
      { dl: fieldPairs(i.ctx.procedure, i.s, i.lang).map(([k, v]) => [k, v.length > RECEIPT_QUOTE_CHARS ? `${v.slice(0, RECEIPT_QUOTE_CHARS)}…` : v] as [string, string]) },
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
  // The link opens the copy for this recipient (signed for them), not the staff page they may not see.
  'concerned-copy': (i) => ({
    subject: i.t('concerned.subject'),
    blocks: [
      { p: i.t('concerned.body') },
      { quote: i.s.fields.description ?? '' },
      // With its attachments (Awb 9:9): by mail behind the link, by post enclosed (staff print them).
      ...(i.effect.vars.attachments?.length ? [{ p: i.t('copy.attachmentsMail', { names: i.effect.vars.attachments.join(', ') }) }] : []),
      ...i.effect.to.slice(0, 1).flatMap((a): Block[] => ('email' in a ? [{ link: { text: i.t('copy.link'), href: copyUrl(i.ctx, i.s.reference, a.email) } }] : []))],
  }),
  'response-request': (i) => ({
    subject: i.t('response.subject'),
    blocks: [
      { p: i.t('response.body', { question: i.effect.vars.question, dueDate: i.effect.vars.dueDate ? formatDate(i.effect.vars.dueDate, i.lang) : '-' }) },
      { h: i.t('mail.theComplaint') },
      { quote: i.s.fields.description ?? '' },
    ],
  }),
  'conversation-record': (i) => ({
    subject: i.t('conversation.subject'),
    blocks: [{ p: i.t('conversation.body', { date: formatDate(i.effect.vars.date, i.lang) }) }, ...statusLink(i)],
  }),
  extension: (i) => ({
    subject: i.t('extension.subject'),
    blocks: [{ p: i.t('extension.body', { reason: i.effect.vars.reason, newDate: formatDate(i.effect.vars.newDate, i.lang) }) }, ...statusLink(i), contact(i)],
  }),
  delay: (i) => ({
    subject: i.t('delay.subject'),
    blocks: [{ p: i.t(i.effect.vars.text, { term: i.effect.vars.term, dueDate: formatDate(i.effect.vars.dueDate, i.lang), newDate: formatDate(lateDate(i.ctx.procedure, i.effect.vars.dueDate), i.lang) }) }, ...statusLink(i), contact(i)],
  }),
  escalated: (i) => ({
    subject: i.t('escalated.subject'),
    blocks: [{ p: i.t('escalated.body', { reason: i.effect.vars.reason }) }, ...nextSteps(i), ...statusLink(i)],
  }),
  advice: (i) => ({
    subject: i.t('advice.subject', { stage: i.s.advice ? stageName(i.ctx.procedure, i.s.advice.stage, i.lang) : '' }),
    blocks: [
      { p: i.t('advice.body', { outcome: outcomeLabel(i.ctx.procedure, i.effect.vars.outcome, i.lang) }) },
      ...(i.s.advice ? [{ h: i.t('mail.recommendation') }, { quote: i.s.advice.recommendation }] : []),
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
        { p: i.t('decision.body', { outcome: d ? outcomeLabel(p, d.outcome, i.lang) : '', verdict: d ? verdict(p, d.outcome, i.lang) : '' }) },
        ...(d ? [{ h: i.t('mail.reasons') }, { p: d.motivation }] : []),
        ...(d?.measures ? [{ h: i.t('mail.measures') }, { p: d.measures }] : []),
        ...(d ? onward(i, d.stage) : []),
        ...statusLink(i),
        contact(i),
      ],
    };
  },
  withdrawn: (i) => ({ subject: i.t('withdrawn.subject'), blocks: [{ p: i.t('withdrawn.body') }, contact(i)] }),
  closed: (i) => ({ subject: i.t('closed.subject'), blocks: [{ p: i.effect.vars.reason }, contact(i)] }),
  update: (i) => {
    const v = i.effect.vars;
    return {
      subject: i.t('update.subject'),
      blocks: [{ p: 'step' in v ? (describeEvent(i.ctx.procedure, v.step, i.lang) ?? '') : i.t(v.text) }, ...statusLink(i)],
    };
  },
  'staff-new-case': (i) => ({
    subject: i.t('staff.newCase.subject'),
    blocks: [
      { p: i.t('staff.newCase.body', { channel: i.s.channel }) },
      ...(i.s.admissibility === 'pending' ? [{ p: i.t('staff.newCase.late') }] : []),
      { dl: termLines(i.ctx.procedure, i.s, i.lang).map((l): [string, string] => [l.label, l.date]) },
      staffLink(i),
    ],
  }),
  message: (i) => ({
    subject: i.t('message.subject'),
    blocks: [
      { p: i.effect.vars.text },
      ...(i.effect.vars.attachments ? [{ p: i.t('forward.attachments', { names: i.effect.vars.attachments.join(', ') }) }] : []),
      ...(i.effect.vars.cut ? [{ p: i.t('forward.cutComplainant') }] : []),
      ...statusLink(i),
      { p: i.t('message.replyHint') },
    ],
  }),
  'staff-message': (i) => {
    const last = i.s.lastInbound;
    const fromComplainant = i.effect.vars.sender === 'complainant';
    const attachments = last?.attachments.map((a) => a.name + (a.refused ? ` ${i.t('staff.message.notKept', { reason: a.refused })}` : '')).join(', ');
    return {
      subject: i.t(fromComplainant ? 'staff.message.subject' : 'staff.response.subject'),
      blocks: [
        { quote: last?.text ?? '' },
        ...(attachments ? [{ p: i.t('staff.message.attachments', { attachments }) }] : []),
        ...(last?.cut && last.blob ? [{ p: i.t('forward.cut') }, { link: { text: i.t('forward.original'), href: staffOriginalUrl(i.ctx, i.s.reference, last.blob) } }] : []),
        { p: i.t(fromComplainant ? 'staff.message.replyHint' : 'staff.message.onTimeline') },
        staffLink(i),
      ],
    };
  },
  'staff-withdrawn': (i) => ({
    subject: i.t('staff.withdrawn.subject'),
    blocks: [{ p: i.t('staff.withdrawn.body', { reason: i.effect.vars.reason || '-' }) }, staffLink(i)],
  }),
  'hearing-offer': (i) => ({
    subject: i.t('hearing.subject'),
    blocks: [{ p: i.t('hearing.body', { replyBy: formatDate(i.effect.vars.replyBy, i.lang) }) }, contact(i)],
  }),
  'concerned-extension': (i) => ({
    subject: i.t('concernedExtension.subject'),
    blocks: [{ p: i.t('concernedExtension.body', { newDate: formatDate(i.effect.vars.newDate, i.lang) }) }, contact(i)],
  }),
  'staff-assigned': (i) => ({ subject: i.t('staff.assigned.subject'), blocks: [staffLink(i)] }),
  'staff-reminder': (i) => ({
    subject: i.t('staff.reminder.subject', { term: i.effect.vars.term, dueDate: formatDate(i.effect.vars.dueDate, i.lang) }),
    blocks: [staffLink(i)],
  }),
  'staff-overdue': (i) => ({
    subject: i.t('staff.overdue.subject', { term: i.effect.vars.term }),
    blocks: [{ p: i.t('staff.overdue.body', { term: i.effect.vars.term, dueDate: formatDate(i.effect.vars.dueDate, i.lang) }) }, staffLink(i)],
  }),
};
