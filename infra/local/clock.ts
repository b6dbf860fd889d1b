import { readFileSync, writeFileSync } from 'node:fs';
import type { Clock } from '../../shared/deadlines/port.ts';

/**
 * The local office's clock. Flowing: real time plus an offset that only grows. Frozen: stands
 * still until moved (tests). Its state is kept in a file so a restart keeps the office's time.
 */
export class VirtualClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  constructor(
    private readonly file: string | undefined,
    frozenStart?: string,
  ) {
    const saved = file ? readJson(file) : undefined;
    if (saved?.frozenAt !== undefined) this.frozenAt = saved.frozenAt;
    else if (saved?.offsetMs !== undefined) this.offsetMs = saved.offsetMs;
    if (frozenStart && saved === undefined) this.frozenAt = Date.parse(frozenStart);
    if (saved === undefined) this.save();
  }

  now(): string {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs).toISOString();
  }

  /** Moves the clock to an instant; never backwards (terms that fired stay fired). */
  set(instant: string) {
    const target = Date.parse(instant);
    if (Number.isNaN(target)) throw new Error('invalid instant');
    if (target < Date.parse(this.now())) return;
    if (this.frozenAt !== undefined) this.frozenAt = target;
    else this.offsetMs = target - Date.now();
    this.save();
  }

  private save() {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.frozenAt !== undefined ? { frozenAt: this.frozenAt } : { offsetMs: this.offsetMs }));
  }
}

function readJson(file: string): { frozenAt?: number; offsetMs?: number } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
