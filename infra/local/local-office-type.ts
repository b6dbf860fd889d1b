import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AppContext } from '../../shared/app/context.ts';
import type { InboundOutcome } from '../../shared/app/use-cases/receive-mail.ts';
import type { Envelope } from '../../shared/mail/inbound.ts';
import type { VirtualClock } from './clock.ts';
import type { LocalOutbox } from './outbox.ts';
import type { LocalDeadlines } from './timer.ts';

/** A running local office: what tests, the local-only routes and `npm start` hold on to. */
export interface LocalOffice {
  url: string;
  /** The SMTP listener's port, when there is one. */
  smtpPort?: number;
  /** Mail in, as it would arrive by SMTP or SES. */
  receive(raw: Buffer, envelope: Envelope): Promise<InboundOutcome>;
  ctx: AppContext;
  clock: VirtualClock;
  outbox: LocalOutbox;
  deadlines: LocalDeadlines;
  /**
   * Moves the clock to `instant`, firing every deadline due by then at its own due time; then,
   * as the sweeper does on AWS, deletes what retention says and sends the reports that are due.
   */
  advanceTo(instant: string): Promise<number>;
  sweep(): Promise<{ commits: number; failed: number }>;
  /** Resolves once the queue (effects after answers, timers, clock moves, inbound mail) is empty. */
  idle(): Promise<void>;
  /** The DynamoDB client of the embedded store (the benchmark counts its calls). */
  dynamo: DynamoDBClient;
  /** Waits for the work done after answering (sign-in mail). */
  settled(): Promise<void>;
  close(): Promise<void>;
}
