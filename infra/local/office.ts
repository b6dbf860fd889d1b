import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { jsonLogger, silentLogger, type AppContext, type Logger } from '../../shared/app/context.ts';
import { onDeadline } from '../../shared/app/use-cases/fire-deadline.ts';
import { maintain } from '../../shared/app/use-cases/maintain.ts';
import { runEffects } from '../../shared/app/effect-runner.ts';
import { json, language, type ApiEvent } from '../../shared/http/api.ts';
import { internalError, withBoundary } from '../../shared/http/boundary.ts';
import { designSystemCss } from '../design-system-css.ts';
import { createPublicHandler } from '../../shared/http/public-routes.ts';
import { cachedProcedureSvg } from '../../shared/web/diagram-svg.ts';
import { createStaffHandler, isStaffPath } from '../../shared/http/staff-routes.ts';
import { LIMITS, type Limits } from '../../shared/http/limits.ts';
import { tokenBucket } from '../../shared/http/rate-limit.ts';
import { tooManyJson } from '../../shared/http/too-many.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import { createSigner, parseSigningKeys } from '../../shared/security/signer.ts';
import { createDynamoCaseStore, ensureTable } from '../../shared/store/dynamo.ts';
import { localDynamoClient, startDynalite } from '../../shared/store/embedded.ts';
import { receiveMail } from '../../shared/app/use-cases/receive-mail.ts';
import { localBlobStore } from './blobs.ts';
import { MAX_MAIL_BYTES, startSmtp } from './smtp.ts';
import { VirtualClock } from './clock.ts';
import { serverOptions, toApiEvent, writeRefusal, writeResult } from './http.ts';
import { localRoutes } from './local-routes.ts';
import { LocalOutbox } from './outbox.ts';
import { LocalDeadlines } from './timer.ts';
import type { LocalOffice } from './local-office-type.ts';
import { fenced, fenceTable } from './grant-fence.ts';
import type { FunctionKey } from '../stack/bundle-options.ts';

export type { LocalOffice };

export interface LocalOfficeOptions {
  procedurePath: string;
  /** 0 = a free port. */
  port: number;
  /** Where the case store, outbox, timers and clock live; undefined = in memory (tests). */
  dataDir?: string;
  /** Freeze the clock at this instant (tests); otherwise it flows from real time. */
  clockStart?: string;
  /** Seconds between background sweeps and timer checks in real time; 0 = none (tests drive them). */
  tickSeconds?: number;
  minFillMs?: number;
  log?: Logger;
  /** Log one line per request. */
  logRequests?: boolean;
  /** The SMTP listener's port (0 = a free one); undefined = no SMTP listener. */
  smtpPort?: number;
  /**
   * Test-only: the effects queue waits this long before each commit's effects, to widen the
   * window between an answer and its effects (a crash test kills the process in it).
   */
  effectsDelayMs?: number;
  /** How long a request (headers and body) may take to arrive; default 30 s (see serverOptions). */
  requestTimeoutMs?: number;
  /** The request limits (default LIMITS, the numbers the AWS stack throttles with); tests that file in bulk raise them. */
  limits?: Limits;
  /** Wall clock of the rate limits, the bot check and sessions (tests fix it); default Date.now. */
  wallClock?: () => number;
}


const TABLE = 'klachtenloket';

export async function startLocalOffice(o: LocalOfficeOptions): Promise<LocalOffice> {
  const { procedure, hash } = loadProcedureFile(o.procedurePath);
  const dir = o.dataDir;
  if (dir) mkdirSync(join(dir, 'db'), { recursive: true });
  const file = (name: string) => (dir ? join(dir, name) : undefined);
  const log = o.log ?? silentLogger;

  const dynamo = await startDynalite(dir ? { path: join(dir, 'db') } : {});
  const client = localDynamoClient(dynamo.endpoint);
  await ensureTable(client, TABLE);
  fenceTable(client);
  const clock = new VirtualClock(file('clock.json'), o.clockStart);
  const outbox = new LocalOutbox(file('outbox.jsonl'), () => clock.now());
  const deadlines = new LocalDeadlines(file('deadlines.json'));

  let server: Server | undefined;
  const ctx: AppContext = {
    procedure,
    procedureHash: hash,
    store: createDynamoCaseStore({ client, tableName: TABLE }),
    blobs: localBlobStore(dir ? join(dir, 'blobs') : undefined),
    mailer: outbox,
    scheduler: deadlines,
    clock,
    signer: createSigner(localSigningKeys(dir)),
    publicUrl: '', // set once the port is known
    replyDomain: 'reply.localhost',
    log,
  };

  // One at a time: a timer firing while the clock is moved must not interleave with it, and the
  // effects of answered commands run here too, after their answers (the office's effects queue).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const next = queue.then(f, f);
    queue = next.catch(() => undefined);
    return next;
  };
  const idle = async () => {
    for (let seen = queue; ; seen = queue) {
      await seen;
      if (seen === queue) return;
    }
  };
  // Each job runs as its function would on AWS: with that function's grant only (infra/local/grant-fence.ts).
  const as = (key: FunctionKey) => fenced(key, ctx);
  const effects = as('effects');
  const deadline = as('deadline');
  const sweeper = as('sweeper');
  const inbound = as('inbound');
  const delay = o.effectsDelayMs ?? 0;
  ctx.effectsAfterAnswer = {
    // Locally only intake defers (`every: false`): the other commands' tests read mail right after their answers.
    every: false,
    enqueue: (commit, state) =>
      void serial(async () => {
        if (delay) await new Promise((r) => setTimeout(r, delay));
        await runEffects(effects, commit, state);
      }).catch((e) => log.error('effects failed', { ref: commit.caseRef, seq: commit.seq, error: e instanceof Error ? e.name : 'unknown' })),
    now: (commit, state) => runEffects(effects, commit, state),
  };

  const fireUntil = async (until: string) => {
    let fired = 0;
    for (let d = deadlines.next(until); d; d = deadlines.next(until)) {
      clock.set(d.at);
      await onDeadline(deadline, d);
      deadlines.done(d);
      fired++;
    }
    return fired;
  };

  // The same limits as the stack's: API Gateway's throttles (every route; intake harder) as buckets
  // here, and the app's own counters in the store.
  const limits = o.limits ?? LIMITS;
  const wall = o.wallClock ?? Date.now;
  const everyRoute = tokenBucket(limits.api, wall);
  const publicHandler = createPublicHandler(as('public'), {
    minFillMs: o.minFillMs ?? 3000,
    wallClock: wall,
    regelingDiagram: () => cachedProcedureSvg(ctx.procedure),
    designSystemCss,
    intakePerClient: limits.intakePerClient,
    intakeThrottle: tokenBucket(limits.intake, wall),
  });
  // Work done after answering (sign-in mail): tracked, so the outbox route and close can wait for it.
  const afterAnswer = new Set<Promise<void>>();
  const staffHandler = createStaffHandler(as('staff'), {
    wallClock: wall,
    limits,
    afterAnswer: (work) => {
      afterAnswer.add(work);
      void work.finally(() => afterAnswer.delete(work));
    },
  });
  const office: LocalOffice = {
    url: '',
    ctx,
    clock,
    outbox,
    deadlines,
    advanceTo: (instant) =>
      serial(async () => {
        const fired = await fireUntil(instant);
        clock.set(instant);
        // The sweeper's periodic work on AWS: pending effects, retention and the periodic reports.
        await maintain(sweeper, { housekeeping: true });
        return fired;
      }),
    sweep: () => serial(() => maintain(sweeper)),
    idle,
    dynamo: client,
    // A mail is taken (SMTP 250) once the effects of what it caused are done too: nothing is waiting on that answer.
    receive: async (raw, envelope) => {
      const outcome = await serial(() => receiveMail(inbound, raw, envelope));
      await idle();
      return outcome;
    },
    settled: async () => {
      while (afterAnswer.size) await Promise.all(afterAnswer);
    },
    async close() {
      clearInterval(ticker);
      await smtp?.close();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
      server?.closeAllConnections();
      // Handlers of requests whose client went away still run: let them finish before the store goes.
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
      await office.settled();
      await queue;
      client.destroy();
      await dynamo.close();
    },
  };

  let inFlight = 0;
  // Local-only routes first, then the same handlers as on AWS, inside the same error boundary.
  // Every request but intake first waits for the effects of earlier answers: locally, what an
  // answer shows (the staff list, the outbox, the timers) includes them. Intake waits for nothing
  // but its own commit.
  const handle = withBoundary(
    async (event) => {
      if (!isIntake(event)) await idle();
      const local = await localRoutes(office, event);
      if (local) return local;
      if (!isIntake(event)) {
        const verdict = await everyRoute.take('');
        if (!verdict.ok) return tooManyJson(ctx.procedure, 'limits.busy', language(event), verdict.retryAfterS);
      }
      return (isStaffPath(event.rawPath) ? staffHandler : publicHandler)(event);
    },
    () => log,
    { logRequests: o.logRequests ?? false },
  );
  server = createServer(serverOptions(o.requestTimeoutMs), async (req, res) => {
    inFlight++;
    try {
      const mail = req.url?.startsWith('/_local/inbound');
      const event = await toApiEvent(req, mail ? MAX_MAIL_BYTES : undefined, mail);
      if (event === 'too-large') writeRefusal(res, json(413, { errors: [{ field: 'body', message: 'body too large' }] }));
      else writeResult(res, await handle(event));
    } catch (e) {
      // The request could not be read (the stream broke).
      log.error('request failed', { error: e instanceof Error ? e.name : 'unknown' });
      writeResult(res, internalError());
    } finally {
      inFlight--;
    }
  });
  await new Promise<void>((resolve) => server!.listen(o.port, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  office.url = `http://localhost:${port}`;
  ctx.publicUrl = office.url;

  const smtp = o.smtpPort === undefined ? undefined : await startSmtp(o.smtpPort, (raw, envelope) => office.receive(raw, envelope));
  if (smtp) office.smtpPort = smtp.port;

  const tick = o.tickSeconds ?? 0;
  const ticker = tick > 0 ? setInterval(() => void office.advanceTo(clock.now()).catch((e) => log.error('tick failed', { error: String(e) })), tick * 1000) : undefined;
  // Finish what a previous run left undone (a crash between commit and effects), and make sure
  // every open term has its timer.
  await serial(() => maintain(sweeper, { reconcile: true, housekeeping: true }));
  return office;
}

const isIntake = (e: ApiEvent) => e.requestContext.http.method === 'POST' && e.rawPath === '/api/complaints';

/** `SIGNING_KEYS` if set; otherwise a key made once and kept in the data folder. */
function localSigningKeys(dir: string | undefined) {
  const fromEnv = parseSigningKeys(process.env.SIGNING_KEYS);
  if (fromEnv.length) return fromEnv;
  const file = dir ? join(dir, 'signing-key') : undefined;
  if (file && existsSync(file)) return [{ id: 'a', secret: readFileSync(file, 'utf8').trim() }];
  const secret = randomBytes(32).toString('hex');
  if (file) writeFileSync(file, secret, { mode: 0o600 });
  return [{ id: 'a', secret }];
}

export { jsonLogger };
