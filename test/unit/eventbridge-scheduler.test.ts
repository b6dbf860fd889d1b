import { describe, it, expect, beforeEach } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ThrottlingException,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { atExpression, createEventBridgeScheduler, scheduleName } from '../../shared/deadlines/eventbridge.ts';
import type { DeadlinePayload } from '../../shared/deadlines/port.ts';

const scheduler = mockClient(SchedulerClient);
beforeEach(() => scheduler.reset());

const payload: DeadlinePayload = { caseRef: 'KL-2026-ABCDE', instance: 'intern.handling.1', action: 'expire' };
const NOW = new Date('2026-01-10T12:00:00Z');

const make = (now = NOW) =>
  createEventBridgeScheduler({
    client: new SchedulerClient({ region: 'eu-west-1' }),
    groupName: 'klachten-deadlines',
    targetArn: 'arn:aws:lambda:eu-west-1:123456789012:function:deadline',
    roleArn: 'arn:aws:iam::123456789012:role/scheduler',
    deadLetterArn: 'arn:aws:sqs:eu-west-1:123456789012:deadline-dlq',
    now: () => now,
  });

const conflict = () => new ConflictException({ message: 'Schedule already exists.', Message: 'Schedule already exists.', $metadata: {} });
const notFound = () => new ResourceNotFoundException({ message: 'Schedule not found.', Message: 'Schedule not found.', $metadata: {} });

describe('scheduleName', () => {
  it('is deterministic, readable, at most 64 characters of [0-9a-zA-Z-_.]', () => {
    expect(scheduleName(payload)).toBe('KL-2026-ABCDE_intern.handling.1_expire');
    expect(scheduleName({ ...payload })).toBe(scheduleName(payload));
  });

  it('tells remind and expire apart', () => {
    expect(scheduleName({ ...payload, action: 'remind' })).not.toBe(scheduleName(payload));
  });

  it('hashes long or unusual names, keeping a readable prefix and the action', () => {
    const cases: DeadlinePayload[] = [
      { caseRef: 'KL-2026-ABCDE', instance: 'een-heel-lange-fase-naam.een-heel-lange-termijn-naam.12', action: 'expire' },
      { caseRef: 'KL-2026-ABCDE', instance: 'een-heel-lange-fase-naam.een-heel-lange-termijn-naam.12', action: 'remind' },
      { caseRef: 'KL-2026-ABCDE', instance: 'een-heel-lange-fase-naam.een-heel-lange-termijn-naam.13', action: 'expire' },
      { caseRef: 'KL-2026-ABCDE', instance: 'fase/termijn 1', action: 'expire' },
      { caseRef: 'KL-2026-ABCDE', instance: 'fase-termijn-1', action: 'expire' },
      { caseRef: 'KL-2026-ABCDE', instance: 'fase:termijn:1', action: 'expire' },
      { caseRef: 'KL-2026-ÉÉÉÉÉ', instance: 'x'.repeat(300), action: 'remind' },
    ];
    const names = cases.map(scheduleName);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(64);
      expect(n).toMatch(/^[0-9a-zA-Z\-_.]+$/);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toMatch(/^KL-2026-ABCDE_een-heel-lange/);
    expect(names[0]).toMatch(/_expire_[0-9a-f]{12}$/);
    expect(names[1]).toMatch(/_remind_[0-9a-f]{12}$/);
    expect(names[4]).toBe('KL-2026-ABCDE_fase-termijn-1_expire');
    expect(scheduleName(cases[0]!)).toBe(names[0]);
  });
});

describe('atExpression (Europe/Amsterdam)', () => {
  const tz = 'Europe/Amsterdam';
  it.each([
    ['2026-01-15T23:00:00Z', 'at(2026-01-16T00:00:00)'], // winter, CET = UTC+1
    ['2026-07-01T22:00:00Z', 'at(2026-07-02T00:00:00)'], // summer, CEST = UTC+2
    ['2026-03-29T00:59:59Z', 'at(2026-03-29T01:59:59)'], // just before the spring change
    ['2026-03-29T01:00:00Z', 'at(2026-03-29T03:00:00)'], // 02:00 local does not exist
    ['2026-03-29T01:30:00Z', 'at(2026-03-29T03:30:00)'],
    ['2026-03-28T23:00:00Z', 'at(2026-03-29T00:00:00)'], // midnight of the spring change day
    ['2026-03-29T22:00:00Z', 'at(2026-03-30T00:00:00)'], // and the next midnight, already CEST
    ['2026-10-24T22:00:00Z', 'at(2026-10-25T00:00:00)'], // midnight of the autumn change day (CEST)
    ['2026-10-25T23:00:00Z', 'at(2026-10-26T00:00:00)'], // next midnight, CET
    ['2026-10-25T02:00:00Z', 'at(2026-10-25T03:00:00)'], // after the autumn change
    ['2026-12-31T23:00:00Z', 'at(2027-01-01T00:00:00)'], // year boundary
  ])('%s → %s', (instant, expected) => {
    expect(atExpression(new Date(instant), tz)).toEqual({ expression: expected, timezone: tz });
  });

  it('writes the hour the clocks go back (local time occurs twice) in UTC', () => {
    // 02:30 local happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(atExpression(new Date('2026-10-25T00:30:00Z'), tz)).toEqual({ expression: 'at(2026-10-25T00:30:00)', timezone: 'UTC' });
    expect(atExpression(new Date('2026-10-25T01:30:00Z'), tz)).toEqual({ expression: 'at(2026-10-25T01:30:00)', timezone: 'UTC' });
    expect(atExpression(new Date('2026-10-25T00:59:00Z'), tz).timezone).toBe('UTC');
    expect(atExpression(new Date('2026-10-24T23:59:00Z'), tz)).toEqual({ expression: 'at(2026-10-25T01:59:00)', timezone: tz });
  });
});

describe('createEventBridgeScheduler', () => {
  it('creates a one-time schedule with the full definition', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:x' });
    await make().schedule(payload, '2026-03-28T23:00:00.000Z');
    const calls = scheduler.commandCalls(CreateScheduleCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toMatchObject({
      Name: 'KL-2026-ABCDE_intern.handling.1_expire',
      GroupName: 'klachten-deadlines',
      ScheduleExpression: 'at(2026-03-29T00:00:00)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: 'arn:aws:lambda:eu-west-1:123456789012:function:deadline',
        RoleArn: 'arn:aws:iam::123456789012:role/scheduler',
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86400 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:eu-west-1:123456789012:deadline-dlq' },
      },
    });
    expect(JSON.parse(calls[0]!.args[0].input.Target!.Input!)).toEqual(payload);
  });

  it('rounds an instant with seconds up to the next whole minute, so it never fires early', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    await make().schedule(payload, '2026-03-28T23:00:30.500Z');
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input.ScheduleExpression).toBe('at(2026-03-29T00:01:00)');
  });

  it('moves an `at` in the past to about a minute from now', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    await make(new Date('2026-01-10T12:00:20Z')).schedule(payload, '2026-01-08T23:00:00.000Z');
    // now + 60 s = 12:01:20Z, rounded up to 12:02Z = 13:02 CET.
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input.ScheduleExpression).toBe('at(2026-01-10T13:02:00)');
  });

  it('treats an existing identical schedule as done', async () => {
    scheduler.on(CreateScheduleCommand).rejects(conflict());
    scheduler.on(GetScheduleCommand).resolves({
      Name: 'KL-2026-ABCDE_intern.handling.1_expire',
      ScheduleExpression: 'at(2026-03-29T00:00:00)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      State: 'ENABLED',
      Target: {
        Arn: 'arn:aws:lambda:eu-west-1:123456789012:function:deadline',
        RoleArn: 'arn:aws:iam::123456789012:role/scheduler',
        Input: JSON.stringify(payload),
      },
    });
    await expect(make().schedule(payload, '2026-03-28T23:00:00.000Z')).resolves.toBeUndefined();
    expect(scheduler.commandCalls(GetScheduleCommand)[0]!.args[0].input).toEqual({ Name: 'KL-2026-ABCDE_intern.handling.1_expire', GroupName: 'klachten-deadlines' });
    expect(scheduler.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });

  it('updates an existing schedule whose time differs (an extension)', async () => {
    scheduler.on(CreateScheduleCommand).rejects(conflict());
    scheduler.on(GetScheduleCommand).resolves({
      ScheduleExpression: 'at(2026-03-29T00:00:00)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      State: 'ENABLED',
      Target: { Arn: 'arn:aws:lambda:eu-west-1:123456789012:function:deadline', RoleArn: 'r', Input: JSON.stringify(payload) },
    });
    scheduler.on(UpdateScheduleCommand).resolves({});
    await make().schedule(payload, '2026-04-11T22:00:00.000Z');
    const updates = scheduler.commandCalls(UpdateScheduleCommand);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args[0].input).toMatchObject({
      Name: 'KL-2026-ABCDE_intern.handling.1_expire',
      GroupName: 'klachten-deadlines',
      ScheduleExpression: 'at(2026-04-12T00:00:00)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
    });
    expect(updates[0]!.args[0].input.Target?.DeadLetterConfig?.Arn).toBe('arn:aws:sqs:eu-west-1:123456789012:deadline-dlq');
  });

  it('creates the schedule again when it fired and vanished between the conflict and the look-up', async () => {
    scheduler.on(CreateScheduleCommand).rejectsOnce(conflict()).resolves({});
    scheduler.on(GetScheduleCommand).rejects(notFound());
    await make().schedule(payload, '2026-04-11T22:00:00.000Z');
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(2);
  });

  it('lets other errors propagate', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', Message: 'Rate exceeded', $metadata: {} }));
    await expect(make().schedule(payload, '2026-04-11T22:00:00.000Z')).rejects.toThrow(/Rate exceeded/);
    scheduler.on(DeleteScheduleCommand).rejects(new ThrottlingException({ message: 'Rate exceeded', Message: 'Rate exceeded', $metadata: {} }));
    await expect(make().cancel(payload)).rejects.toThrow(/Rate exceeded/);
  });

  it('rejects an invalid instant', async () => {
    await expect(make().schedule(payload, 'not a date')).rejects.toThrow(/invalid deadline/);
  });

  it('cancels by deleting the schedule', async () => {
    scheduler.on(DeleteScheduleCommand).resolves({});
    await make().cancel({ ...payload, action: 'remind' });
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toEqual({
      Name: 'KL-2026-ABCDE_intern.handling.1_remind',
      GroupName: 'klachten-deadlines',
    });
  });

  it('cancel of a missing schedule is fine', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(notFound());
    await expect(make().cancel(payload)).resolves.toBeUndefined();
  });
});
