/**
 * A function's IAM grant (GRANTS in infra/stack/grants.ts) as a fence around the ports its context
 * gives the code: what the code calls outside its grant fails here as AWS would fail it
 * (AccessDenied). The local office runs each handler behind its function's fence, so every test and
 * `npm start` find a grant that is short before a deploy does. Files, mail and timers are checked
 * at their ports; the table at its client (`fenceTable`): the store's calls are made as the fenced
 * function, and the client checks each command and the index it queries against that function's
 * grant. The fence is a live view of the context: everything else is the context's own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AppContext } from '../../shared/app/context.ts';
import type { FunctionKey } from '../stack/bundle-options.ts';
import { GRANTS } from '../stack/grants.ts';

export class AccessDenied extends Error {
  constructor(key: FunctionKey, action: string) {
    super(`the ${key} function is not granted ${action}`);
    this.name = 'AccessDenied';
  }
}

/** The function on whose behalf the store is calling the table now. */
const callingAs = new AsyncLocalStorage<FunctionKey>();

/**
 * Checks every command `client` sends for a fenced function's store: the action (`dynamodb:<Command>`)
 * must be in its grant, and so must the index a query reads. Calls made outside a fence (setting up
 * the table, a test's own reads) pass.
 */
export function fenceTable(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const key = callingAs.getStore();
      if (key) {
        const g = GRANTS[key];
        const action = `dynamodb:${String(context.commandName).replace(/Command$/, '')}`;
        if (!g.dynamo.includes(action)) throw new AccessDenied(key, action);
        const index = (args.input as { IndexName?: string }).IndexName;
        if (index && !g.indexes.includes(index)) throw new AccessDenied(key, `${action} on index ${index}`);
      }
      return next(args);
    },
    { step: 'initialize', name: 'grantFence' },
  );
}

export function fenced(key: FunctionKey, ctx: AppContext): AppContext {
  const g = GRANTS[key];
  const allow = (action: string, granted: boolean) => {
    if (!granted) throw new AccessDenied(key, action);
  };
  const blobs: AppContext['blobs'] = {
    put: async (...a) => (allow('s3:PutObject', g.blobs.includes('s3:PutObject')), ctx.blobs.put(...a)),
    get: async (...a) => (allow('s3:GetObject', g.blobs.includes('s3:GetObject')), ctx.blobs.get(...a)),
    deletePrefix: async (...a) => (allow('s3:DeleteObject', g.blobs.includes('s3:DeleteObject')), ctx.blobs.deletePrefix(...a)),
  };
  const mailer: AppContext['mailer'] = { send: async (m) => (allow('ses:SendRawEmail', g.sendsMail), ctx.mailer.send(m)) };
  const scheduler: AppContext['scheduler'] = {
    schedule: async (...a) => (allow('scheduler:CreateSchedule', g.schedules === 'manage'), ctx.scheduler.schedule(...a)),
    cancel: async (...a) => (allow('scheduler:DeleteSchedule', g.schedules !== 'none'), ctx.scheduler.cancel(...a)),
  };
  // Every store method, whatever the context's store is at the time of the call, called as this function.
  const store = new Proxy({} as AppContext['store'], {
    get: (_, m) => {
      const value: unknown = Reflect.get(ctx.store, m);
      return typeof value === 'function' ? (...a: unknown[]) => callingAs.run(key, () => value.apply(ctx.store, a)) : value;
    },
  });
  const ports: Partial<AppContext> = { blobs, mailer, scheduler, store };
  return new Proxy(ctx, { get: (target, p, receiver) => (p in ports ? ports[p as keyof typeof ports] : Reflect.get(target, p, receiver)) });
}
