/** What a deadline timer carries: enough for the deadline handler to find the case and the term. */
export interface DeadlinePayload {
  caseRef: string;
  instance: string;
  action: 'expire' | 'remind';
}

/**
 * The deadline port. `schedule` with the same (caseRef, instance, action) again is harmless;
 * `cancel` of a timer that does not exist (already fired or never made) is fine.
 */
export interface DeadlineScheduler {
  schedule(payload: DeadlinePayload, at: string): Promise<void>;
  cancel(payload: DeadlinePayload): Promise<void>;
}

export interface Clock {
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
