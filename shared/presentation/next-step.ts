import { formatDate, termEnd, termStart } from '../calendar/index.ts';
import { stageOf } from '../engine/terms.ts';
import type { CaseState } from '../engine/types.ts';
import type { Procedure, Stage } from '../procedure/schema.ts';
import { text, type Lang } from '../procedure/text.ts';

/** A stage whose decision goes to the complainant: not an advice stage that only advises. */
export const isDecisionPoint = (s: Stage) => s.kind !== 'advice' || s.decides;

/** The decision points of a procedure that do not say where the complainant can go next (Awb 9:12). */
export const stagesWithoutNextStep = (p: Procedure) => p.stages.filter((s) => isDecisionPoint(s) && !s.nextStep).map((s) => s.id);

/**
 * What the decision letter and the status page say about going further after a decision in
 * `stageId`: the body, how to reach it, and the last day in words. Its last day is the open
 * appeal term's (the day the engine still accepts), else `nextStep.term` counted from the decision.
 * Undefined when the stage names no next step, or its appeal is not open after this outcome.
 */
export function nextStepSentence(p: Procedure, s: CaseState, stageId: string, lang: Lang): string | undefined {
  const stage = stageOf(p, stageId);
  const step = stage.nextStep;
  if (!step) return undefined;
  if ('final' in step) return step.final[lang];
  const appeal = Object.values(s.openTerms).find((t) => t.termId === 'appeal');
  if (stage.appeal && !appeal) return undefined;
  const lastDay = appeal?.lastDay ?? (step.term && s.decision ? termEnd(termStart(s.decision.at), step.term, p.calendar).lastDay : undefined);
  const go = text(p, 'nextStep.go', lang, { body: step.body[lang], contact: step.contact[lang] });
  return lastDay ? `${go} ${text(p, 'nextStep.until', lang, { date: formatDate(lastDay, lang) })}` : go;
}
