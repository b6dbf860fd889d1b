import { createHash } from 'node:crypto';
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  UpdateScheduleCommand,
  type CreateScheduleInput,
  type GetScheduleOutput,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { DeadlinePayload, DeadlineScheduler } from './port.ts';
import { wallTime } from '../calendar/local-date.ts';

export { wallTime };

export interface EventBridgeSchedulerOptions {
  client: SchedulerClient;
  groupName: string;
  /** The deadline handler (Lambda) the schedules invoke. */
  targetArn: string;
  /** The role EventBridge Scheduler assumes to invoke the target. */
  roleArn: string;
  /** Where an invocation goes after the retries are used up (SQS queue). */
  deadLetterArn: string;
  /** The time zone the `at()` expressions are written in. */
  timezone?: string;
  /** The clock, for the "already past" rule. */
  now?: () => Date;
  /** How far ahead a deadline that is already past (or about to be) is put. Default 60 s. */
  pastDelayMs?: number;
}

const MAX_NAME = 64;
const HASH_LEN = 12;

/**
 * The schedule's name: `<caseRef>_<instance>_<action>`, deterministic, so scheduling the same
 * timer twice names the same schedule. Names allow `[0-9a-zA-Z-_.]`, 1-64 characters: other
 * characters become `-`; when anything had to be replaced or the name is too long, a readable
 * prefix is kept and 12 hex characters of the sha256 of the exact triple are appended, so two
 * different timers never share a name.
 */
export function scheduleName(payload: DeadlinePayload): string {
  const raw = `${payload.caseRef}_${payload.instance}_${payload.action}`;
  const clean = raw.replace(/[^0-9a-zA-Z\-_.]/g, '-');
  if (clean === raw && clean.length <= MAX_NAME) return clean;
  const hash = createHash('sha256').update(JSON.stringify([payload.caseRef, payload.instance, payload.action])).digest('hex').slice(0, HASH_LEN);
  // Keep the action readable: it is what tells remind and expire apart at a glance.
  const suffix = `_${payload.action.replace(/[^0-9a-zA-Z\-_.]/g, '-')}_${hash}`;
  return clean.slice(0, Math.max(1, MAX_NAME - suffix.length)) + suffix;
}

/** The zone's offset from UTC at an instant, in ms. */
const offsetAt = (ms: number, timeZone: string) => Date.parse(wallTime(new Date(ms), timeZone) + 'Z') - ms;

/**
 * The `at()` expression and its time zone for an instant. Written in local time (readable in the
 * console), except when that local time occurs twice (the hour the clocks go back, e.g.
 * 02:00-02:59 on the last Sunday of October in Amsterdam): EventBridge Scheduler's docs do not say
 * which of the two it picks, so those instants are written in UTC instead, which is exact.
 * (Local times that do not exist, in the spring gap, cannot come out of a real instant.)
 */
export function atExpression(instant: Date, timeZone: string): { expression: string; timezone: string } {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new Error('invalid instant');
  const wall = wallTime(instant, timeZone);
  const wallMs = Date.parse(wall + 'Z');
  const ambiguous = [offsetAt(ms - 12 * 3600_000, timeZone), offsetAt(ms + 12 * 3600_000, timeZone)].some((o) => {
    const other = wallMs - o;
    return other !== ms && wallTime(new Date(other), timeZone) === wall;
  });
  if (ambiguous) return { expression: `at(${wallTime(instant, 'UTC')})`, timezone: 'UTC' };
  return { expression: `at(${wall})`, timezone: timeZone };
}

const MINUTE = 60_000;
const isNamed = (e: unknown, name: string) => (e as { name?: unknown } | null)?.name === name;

/**
 * The DeadlineScheduler port on EventBridge Scheduler: one one-time schedule per timer, deleted
 * by the service after it ran (ActionAfterCompletion DELETE).
 *
 * - When it fires: at `at`, rounded up to the whole minute, because the Scheduler invokes "with 60
 *   second precision" (a schedule for hh:mm fires somewhere in hh:mm:00-hh:mm:59), so a timer never
 *   fires before its instant. Deadlines are at midnight, so this changes nothing for them.
 * - An `at` in the past (or less than a minute away), which happens when effects are carried out
 *   late after an outage, must still fire: it is put a minute from now (`pastDelayMs`) instead;
 *   the deadline handler decides from the case state what is still due.
 * - Repeats: a ConflictException means the schedule exists already. When it says the same (time,
 *   zone, target, input) that is a harmless repeat; otherwise (an extension moved the same timer)
 *   it is replaced with UpdateSchedule. If it vanished in between (it fired and was deleted), it is
 *   created again.
 * - `cancel` of a schedule that does not exist (already fired, or never made) is fine.
 * - Everything else (throttling, validation, access) propagates: the effects runner retries.
 */
export function createEventBridgeScheduler(opts: EventBridgeSchedulerOptions): DeadlineScheduler {
  const timezone = opts.timezone ?? 'Europe/Amsterdam';
  const now = opts.now ?? (() => new Date());
  const pastDelay = opts.pastDelayMs ?? MINUTE;
  const { client, groupName } = opts;

  const definition = (payload: DeadlinePayload, at: string): CreateScheduleInput => {
    const requested = Date.parse(at);
    if (Number.isNaN(requested)) throw new Error(`invalid deadline instant ${JSON.stringify(at)}`);
    const earliest = now().getTime() + pastDelay;
    const fireAt = Math.ceil(Math.max(requested, earliest) / MINUTE) * MINUTE;
    const { expression, timezone: zone } = atExpression(new Date(fireAt), timezone);
    return {
      Name: scheduleName(payload),
      GroupName: groupName,
      ScheduleExpression: expression,
      ScheduleExpressionTimezone: zone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Description: `${payload.action} ${payload.instance} of ${payload.caseRef} (due ${at})`.slice(0, 512),
      Target: {
        Arn: opts.targetArn,
        RoleArn: opts.roleArn,
        Input: JSON.stringify({ caseRef: payload.caseRef, instance: payload.instance, action: payload.action }),
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
        DeadLetterConfig: { Arn: opts.deadLetterArn },
      },
    };
  };

  const same = (existing: GetScheduleOutput, wanted: CreateScheduleInput) =>
    existing.ScheduleExpression === wanted.ScheduleExpression &&
    (existing.ScheduleExpressionTimezone ?? 'UTC') === wanted.ScheduleExpressionTimezone &&
    existing.Target?.Arn === wanted.Target?.Arn &&
    existing.Target?.Input === wanted.Target?.Input &&
    existing.State !== 'DISABLED';

  return {
    async schedule(payload, at) {
      const wanted = definition(payload, at);
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await client.send(new CreateScheduleCommand(wanted));
          return;
        } catch (e) {
          if (!isNamed(e, 'ConflictException')) throw e;
        }
        try {
          const existing = await client.send(new GetScheduleCommand({ Name: wanted.Name, GroupName: groupName }));
          if (same(existing, wanted)) return;
          await client.send(new UpdateScheduleCommand(wanted));
          return;
        } catch (e) {
          // Fired and deleted between our calls: make it again.
          if (!isNamed(e, 'ResourceNotFoundException')) throw e;
        }
      }
      throw new Error(`could not schedule ${wanted.Name}: it kept appearing and disappearing`);
    },

    async cancel(payload) {
      try {
        await client.send(new DeleteScheduleCommand({ Name: scheduleName(payload), GroupName: groupName }));
      } catch (e) {
        if (!isNamed(e, 'ResourceNotFoundException')) throw e;
      }
    },
  };
}
