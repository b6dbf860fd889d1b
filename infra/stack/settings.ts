/**
 * What one organisation's stack is made from: the procedure file (read and validated at synth
 * time) and a few deployment choices given as CDK context (`-c replyDomain=… -c publicUrl=…`).
 * No aws-cdk-lib here: plain data, checked with clear messages before any construct exists.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Duration } from '../../shared/calendar/types.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import type { Procedure } from '../../shared/procedure/schema.ts';
import { PROJECT_ROOT } from './bundle-options.ts';

export interface OfficeSettings {
  /** The procedure's `id`: the stack's name and the prefix of the few fixed resource names. */
  orgId: string;
  stackName: string;
  /** Absolute path of the procedure file that is compiled at synth and bundled with every function as `procedure.json`. */
  procedureFile: string;
  procedure: Procedure;
  /** sha256 of the procedure file (each case records the hash it started under). */
  procedureHash: string;
  /** The domain of the organisation's complaints address: the SES sending identity. */
  mailDomain: string;
  /** Where replies go (`<local>+<ref>.<token>@<replyDomain>`): the SES receipt rule's recipient. */
  replyDomain: string;
  /** The office's public base URL; absent: the HTTP API's own endpoint. */
  publicUrl?: string;
  /** Where alarms are mailed; absent: no subscription (the topic is still made, subscribe later). */
  alarmEmail?: string;
  /** An existing (active) receipt rule set to add our rule to; absent: the stack makes its own. */
  receiptRuleSetName?: string;
  /** The bucket's backstop expiry: the procedure's retention after close, in days. */
  retentionDays: number;
  /** How long SES's raw copies under MAIL_PREFIX are kept (the inbound function copies what it keeps). */
  inboundMailDays: number;
  /** Optional FORM_MIN_FILL_MS for the public function (the app's default is 3000). */
  formMinFillMs?: number;
  /**
   * Changing it (set as SIGNING_KEYS_VERSION on every function) makes Lambda start new containers,
   * which read the signing keys afresh: the "redeploy" steps of a key rotation (DEPLOYING.md).
   */
  signingKeysVersion?: string;
}

/** The context keys the app reads (`cdk … -c key=value`). */
export const CONTEXT_KEYS = ['procedure', 'replyDomain', 'publicUrl', 'alarmEmail', 'receiptRuleSet', 'formMinFillMs', 'signingKeysVersion'] as const;
export type OfficeContext = Partial<Record<(typeof CONTEXT_KEYS)[number], string>>;

const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export class SettingsError extends Error {
  constructor(problems: string[]) {
    super(`cannot build the stack:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

/**
 * Days a retention term lasts at most, for an expiry that must never come early: a year is 365
 * days (2 years → 730, as the issue asks), a month 31, a working day 7/5 of a day plus two weeks
 * of holidays.
 */
export function retentionDays(d: Duration): number {
  switch (d.unit) {
    case 'days':
      return d.amount;
    case 'weeks':
      return d.amount * 7;
    case 'months':
      return d.amount * 31;
    case 'years':
      return d.amount * 365;
    case 'workingDays':
      return Math.ceil((d.amount * 7) / 5) + 14;
  }
}

/** The settings for a procedure file and the CDK context; throws a SettingsError naming every problem. */
export function resolveSettings(ctx: OfficeContext): OfficeSettings {
  const problems: string[] = [];
  if (!ctx.procedure) {
    throw new SettingsError(['no procedure file: pass -c procedure=procedures/<organisation>.yaml']);
  }
  const procedureFile = isAbsolute(ctx.procedure) ? ctx.procedure : resolve(PROJECT_ROOT, ctx.procedure);
  if (relative(PROJECT_ROOT, procedureFile).startsWith('..')) {
    problems.push(`the procedure file must be inside the project (${PROJECT_ROOT}), so the bundling can copy it: ${ctx.procedure}`);
  }
  // Throws InvalidProcedureError with every problem and its line: the same check as `npm run procedure -- check`.
  const { procedure, hash } = loadProcedureFile(procedureFile);

  const mailDomain = procedure.organisation.email.split('@')[1]!.toLowerCase();
  const replyDomain = (ctx.replyDomain ?? `reply.${mailDomain}`).trim().toLowerCase();
  if (!DOMAIN.test(replyDomain)) problems.push(`replyDomain must be a domain name, got ${JSON.stringify(ctx.replyDomain)}`);

  let publicUrl: string | undefined;
  if (ctx.publicUrl !== undefined && ctx.publicUrl.trim() !== '') {
    publicUrl = ctx.publicUrl.trim().replace(/\/+$/, '');
    if (!/^https:\/\/[^/\s]+(\/\S*)?$/.test(publicUrl)) problems.push(`publicUrl must be an https:// URL, got ${JSON.stringify(ctx.publicUrl)}`);
  }

  const alarmEmail = ctx.alarmEmail?.trim() || procedure.organisation.adminEmail;
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) problems.push(`alarmEmail must be an e-mail address, got ${JSON.stringify(alarmEmail)}`);

  const receiptRuleSetName = ctx.receiptRuleSet?.trim() || undefined;
  if (receiptRuleSetName !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9]?$/.test(receiptRuleSetName)) {
    problems.push(`receiptRuleSet must be an SES receipt rule set name, got ${JSON.stringify(ctx.receiptRuleSet)}`);
  }

  let formMinFillMs: number | undefined;
  if (ctx.formMinFillMs !== undefined && String(ctx.formMinFillMs).trim() !== '') {
    formMinFillMs = Number(ctx.formMinFillMs);
    if (!Number.isInteger(formMinFillMs) || formMinFillMs < 0) problems.push(`formMinFillMs must be a whole number of milliseconds, got ${JSON.stringify(ctx.formMinFillMs)}`);
  }

  const signingKeysVersion = ctx.signingKeysVersion?.trim() || undefined;
  if (signingKeysVersion !== undefined && !/^[A-Za-z0-9._-]{1,64}$/.test(signingKeysVersion)) {
    problems.push(`signingKeysVersion must be letters, digits, dots, dashes or underscores, got ${JSON.stringify(ctx.signingKeysVersion)}`);
  }

  if (problems.length) throw new SettingsError(problems);
  return {
    orgId: procedure.id,
    stackName: procedure.id,
    procedureFile,
    procedure,
    procedureHash: hash,
    mailDomain,
    replyDomain,
    ...(publicUrl ? { publicUrl } : {}),
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(receiptRuleSetName ? { receiptRuleSetName } : {}),
    retentionDays: retentionDays(procedure.retention.afterClose),
    inboundMailDays: 30,
    ...(formMinFillMs !== undefined ? { formMinFillMs } : {}),
    ...(signingKeysVersion ? { signingKeysVersion } : {}),
  };
}
