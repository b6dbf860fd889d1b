import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { DeadlinePayload, DeadlineScheduler } from '../../shared/deadlines/port.ts';

interface Due extends DeadlinePayload {
  at: string;
}

const key = (p: DeadlinePayload) => `${p.caseRef}|${p.instance}|${p.action}`;

/**
 * The local stand-in for EventBridge Scheduler: a persisted list of due deadlines. Scheduling
 * the same deadline twice keeps one; cancelling a missing one is fine, as on AWS.
 */
export class LocalDeadlines implements DeadlineScheduler {
  private due = new Map<string, Due>();

  constructor(private readonly file?: string) {
    if (file) {
      try {
        for (const d of JSON.parse(readFileSync(file, 'utf8')) as Due[]) this.due.set(key(d), d);
      } catch {
        // no file yet
      }
    }
  }

  async schedule(payload: DeadlinePayload, at: string) {
    this.due.set(key(payload), { caseRef: payload.caseRef, instance: payload.instance, action: payload.action, at });
    this.save();
  }

  async cancel(payload: DeadlinePayload) {
    if (this.due.delete(key(payload))) this.save();
  }

  /** The earliest deadline due at or before `until`, if any. */
  next(until: string): Due | undefined {
    let first: Due | undefined;
    for (const d of this.due.values()) if (d.at <= until && (!first || d.at < first.at || (d.at === first.at && key(d) < key(first)))) first = d;
    return first;
  }

  /** Removes a deadline once its handler has run (EventBridge's ActionAfterCompletion: DELETE). */
  done(d: DeadlinePayload) {
    this.cancel(d);
  }

  list(): Due[] {
    return [...this.due.values()].sort((a, b) => a.at.localeCompare(b.at));
  }

  private save() {
    if (!this.file) return;
    writeFileSync(this.file + '.tmp', JSON.stringify(this.list()));
    renameSync(this.file + '.tmp', this.file);
  }
}
