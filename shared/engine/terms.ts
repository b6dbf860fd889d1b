import { addDays, isWorkingDay, startOfDayInstant, termEnd } from '../calendar/index.ts';
import type { Duration, LocalDate } from '../calendar/types.ts';
import type { Procedure, Stage, Term } from '../procedure/schema.ts';
import type { TermInstance } from './types.ts';

/** The appeal window after a decision is a term too: it ends the case when it passes unused. */
export const APPEAL_TERM = 'appeal';

export function stageOf(p: Procedure, stageId: string): Stage {
  const s = p.stages.find((x) => x.id === stageId);
  if (!s) throw new Error(`procedure ${p.id} has no stage ${stageId}`);
  return s;
}

/** The definition behind a running term, including the synthetic appeal window. */
export function termDef(p: Procedure, stageId: string, termId: string): Term {
  const stage = stageOf(p, stageId);
  if (termId === APPEAL_TERM && stage.appeal) {
    return {
      id: APPEAL_TERM,
      label: stage.appeal.label,
      length: stage.appeal.window,
      from: 'decisionSent',
      metBy: ['appealed'],
      extendable: false,
      alertHandler: false,
      onExpiry: [{ do: 'close' }],
      default: stage.appeal.default,
      ...(stage.appeal.basis ? { basis: stage.appeal.basis } : {}),
    };
  }
  const t = stage.terms.find((x) => x.id === termId);
  if (!t) throw new Error(`stage ${stageId} of ${p.id} has no term ${termId}`);
  return t;
}

/** Computes a new term instance from a start date. `n` makes the instance id unique within the case. */
export function instantiate(p: Procedure, stageId: string, def: Term, startedOn: LocalDate, n: number): TermInstance {
  const end = termEnd(startedOn, def.length, p.calendar);
  const remindOn = def.remindBefore ? dateBefore(end.lastDay, def.remindBefore, p) : undefined;
  return {
    instance: `${stageId}.${def.id}.${n}`,
    termId: def.id,
    stage: stageId,
    startedOn,
    lastDay: end.lastDay,
    dueAt: end.dueAt,
    // Reminders go out at 09:00 Amsterdam time on the day, not at midnight.
    ...(remindOn && remindOn > startedOn ? { remindAt: addHours(startOfDayInstant(remindOn), 9) } : {}),
    ...(end.moved ? { moved: end.moved } : {}),
    extensions: 0,
    originalLastDay: end.lastDay,
  };
}

/** A term moved to a new last day (an extension), keeping its history. */
export function extendTo(p: Procedure, t: TermInstance, lastDay: LocalDate, n: number): TermInstance {
  let day = lastDay;
  if (p.calendar.rollForward) while (!isWorkingDay(day, p.calendar)) day = addDays(day, 1);
  const def = termDef(p, t.stage, t.termId);
  const remindOn = def.remindBefore ? dateBefore(day, def.remindBefore, p) : undefined;
  return {
    instance: `${t.stage}.${t.termId}.${n}`,
    termId: t.termId,
    stage: t.stage,
    startedOn: t.startedOn,
    lastDay: day,
    dueAt: startOfDayInstant(addDays(day, 1)),
    ...(remindOn && remindOn > t.lastDay ? { remindAt: addHours(startOfDayInstant(remindOn), 9) } : {}),
    extensions: t.extensions + 1,
    originalLastDay: t.originalLastDay,
    ...(t.missedOn ? { missedOn: t.missedOn } : {}),
  };
}

/** The day a duration before `date` (working days count back over working days only). */
export function dateBefore(date: LocalDate, d: Duration, p: Procedure): LocalDate {
  switch (d.unit) {
    case 'days':
      return addDays(date, -d.amount);
    case 'weeks':
      return addDays(date, -7 * d.amount);
    case 'months':
    case 'years': {
      // Step back a day at a time until the forward term from there reaches `date`: exact for month ends.
      let day = addDays(date, -(d.unit === 'months' ? 28 : 365) * d.amount);
      while (termEnd(day, d, { ...p.calendar, rollForward: false }).lastDay > date) day = addDays(day, -1);
      return day;
    }
    case 'workingDays': {
      let day = date;
      for (let left = d.amount; left > 0; ) {
        day = addDays(day, -1);
        if (isWorkingDay(day, p.calendar)) left--;
      }
      return day;
    }
  }
}

const addHours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
