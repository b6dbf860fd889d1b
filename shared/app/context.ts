import type { BlobStore } from '../blobs/port.ts';
import type { DeadlineScheduler, Clock } from '../deadlines/port.ts';
import type { Mailer } from '../mail/message.ts';
import type { Procedure } from '../procedure/schema.ts';
import type { CaseState } from '../engine/types.ts';
import type { Signer } from '../security/signer.ts';
import type { CaseStore, Commit } from '../store/port.ts';

/** Everything the handlers need, created once per container (or once per local office) and injected. */
export interface AppContext {
  procedure: Procedure;
  procedureHash: string;
  store: CaseStore;
  blobs: BlobStore;
  mailer: Mailer;
  scheduler: DeadlineScheduler;
  clock: Clock;
  signer: Signer;
  /** Base URL of the office as the public sees it, e.g. http://localhost:3000 (no trailing slash). */
  publicUrl: string;
  /** Domain of reply addresses (`<local>+<token>@replyDomain`) and Message-IDs. */
  replyDomain: string;
  log: Logger;
  /**
   * The effects runner that carries out commits' effects after the answer: locally the office's
   * own queue (intake only: `every: false`); on AWS nothing to enqueue, as the table's stream
   * starts the effects function for every commit (`every: true`). Absent: effects run before the
   * answer. The sweeper is the backstop either way. `now`: how the effects of a command that waits
   * for them are carried out; locally with the effects function's own grant, as on AWS they would
   * be (absent: with the command's context).
   */
  effectsAfterAnswer?: { enqueue(commit: Commit, state: CaseState): void; every: boolean; now?(commit: Commit, state: CaseState): Promise<unknown> };
}

/** Structured log lines. Never pass personal data: references, ids, codes and counts only. */
export interface Logger {
  info(msg: string, data?: Record<string, string | number | boolean | undefined>): void;
  error(msg: string, data?: Record<string, string | number | boolean | undefined>): void;
}

export const jsonLogger = (write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger => ({
  info: (msg, data) => write(JSON.stringify({ level: 'info', msg, ...data })),
  error: (msg, data) => write(JSON.stringify({ level: 'error', msg, ...data })),
});

export const silentLogger: Logger = { info() {}, error() {} };
