import type { Effect } from '../engine/types.ts';
import type { RegisterFigures } from '../reports/figures.ts';

/** What a commit asks to be done after it is stored: the engine's effects and the office's own. */
export type OfficeEffect =
  | Effect
  /** Write the case's anonymous figures to the register. */
  | { kind: 'register'; figures: RegisterFigures }
  /** Set the backstop expiry on every item of the case. */
  | { kind: 'expire-items'; at: string }
  /** Write the case's summary (the staff list, the register) as of this commit: rebuilt from it, never lost with a crash. */
  | { kind: 'project' }
  /** Write the case's back-reference to a key it claimed at intake (its submissionId), so deleting the case releases the key. */
  | { kind: 'key-reference'; key: string };
