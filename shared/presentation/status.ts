import { formatDate } from '../calendar/index.ts';
import { stageOf } from '../engine/terms.ts';
import type { CaseEvent, CaseState } from '../engine/types.ts';
import type { Procedure } from '../procedure/schema.ts';
import type { Lang } from '../procedure/text.ts';
import { text } from '../procedure/text.ts';
import { amsterdamDate } from '../calendar/index.ts';
import { nextStepSentence } from './next-step.ts';
import { describeEvent, handlerPhrase, stageName, statusLabel, termLines, type TermLine } from './present.ts';

/** What a complainant may see of their case: no staff names, notes or internal events. */
export interface ComplainantView {
  reference: string;
  status: CaseState['status'];
  statusLabel: string;
  receivedOn: string;
  /** `handler`: who handles it, as a sentence names them. */
  stage: { id: string; name: string; handler: string; description?: string };
  nextTerm?: TermLine;
  terms: TermLine[];
  timeline: { at: string; date: string; text: string }[];
  onward: string[];
  /** The last day the complainant can still take the complaint further from the status page (the appeal window is open). */
  appealUntil?: string;
}

export function complainantView(p: Procedure, s: CaseState, events: CaseEvent[], lang: Lang, now: string): ComplainantView {
  const stage = stageOf(p, s.stage);
  const terms = termLines(p, s, lang, now);
  const onward: string[] = [];
  const appeal = Object.values(s.openTerms).find((t) => t.termId === 'appeal');
  const next = s.status === 'decided' && s.decision ? nextStepSentence(p, s, s.decision.stage, lang) : undefined;
  if (s.status === 'open' && stage.escalateTo.length)
    onward.push(
      text(p, 'status.escalateHint', lang, {
        stage: stage.name[lang],
        handler: handlerPhrase(p, stage.id, lang),
        stages: stage.escalateTo.map((id) => stageName(p, id, lang)).join(text(p, 'word.or', lang)),
      }),
    );
  else if (next) onward.push(next);
  else if (stage.appeal && appeal)
    onward.push(`${text(p, 'notSatisfied', lang)} ${stage.appeal.label[lang]}: ${text(p, 'appeal.letUsKnow', lang, { date: formatDate(appeal.lastDay, lang) })}.`);
  // A procedure without next steps still shows its external body's words.
  if (!next) for (const b of p.nextBodies.filter((b) => b.id === stage.nextBody)) onward.push(b.text[lang] + (b.url ? ` ${b.url}` : ''));
  return {
    reference: s.reference,
    status: s.status,
    statusLabel: statusLabel(p, s.status, lang),
    receivedOn: s.receivedOn,
    stage: { id: stage.id, name: stage.name[lang], handler: handlerPhrase(p, stage.id, lang), ...(stage.description ? { description: stage.description[lang] } : {}) },
    ...(terms[0] ? { nextTerm: terms[0] } : {}),
    terms,
    timeline: events.flatMap((e) => {
      const t = describeEvent(p, e, lang);
      return t ? [{ at: e.at, date: formatDate(amsterdamDate(e.at), lang), text: t }] : [];
    }),
    onward,
    ...(stage.appeal && appeal && Date.parse(appeal.dueAt) > Date.parse(now) ? { appealUntil: appeal.lastDay } : {}),
  };
}
