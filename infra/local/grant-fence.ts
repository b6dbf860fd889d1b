/**
 * A function's IAM grant (GRANTS in infra/stack/grants.ts) as a fence around the ports its context
 * gives the code: what the code calls outside its grant fails here as AWS would fail it
 * (AccessDenied). The local office runs each handler behind its function's fence, so every test and
 * `npm start` find a grant that is short before a deploy does. Files, mail and timers are fenced;
 * the table is not (every function reads and commits cases). The fence is a live view of the
 * context: everything but the three ports is the context's own.
 */
import type { AppContext } from '../../shared/app/context.ts';
import type { FunctionKey } from '../stack/bundle-options.ts';
import { GRANTS } from '../stack/grants.ts';

export class AccessDenied extends Error {
  constructor(key: FunctionKey, action: string) {
    super(`the ${key} function is not granted ${action}`);
    this.name = 'AccessDenied';
  }
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
  const ports: Partial<AppContext> = { blobs, mailer, scheduler };
  return new Proxy(ctx, { get: (target, p, receiver) => (p in ports ? ports[p as keyof typeof ports] : Reflect.get(target, p, receiver)) });
}
