/**
 * In-process synthesis for the infra tests: all five procedures in one App (one synth, reused by
 * every test in a file), with the feature flags from cdk.json (so the templates are what
 * `cdk synth` makes) and, unless asked, without bundling.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addNagChecks, addOffice } from '../../infra/stack/build-app.ts';
import { PROJECT_ROOT } from '../../infra/stack/bundle-options.ts';
import type { OfficeStack } from '../../infra/stack/office-stack.ts';
import type { OfficeContext } from '../../infra/stack/settings.ts';

export const PROCEDURE_FILES = readdirSync(resolve(PROJECT_ROOT, 'procedures'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `procedures/${f}`);

/** The context of cdk.json (feature flags), as the CLI would pass it. */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
}

export interface Synthesized {
  app: App;
  outdir: string;
  stacks: OfficeStack[];
  /** Throws what synth threw (cdk-nag findings make it throw "Validation failed"). */
  synth(): void;
}

const outdirs: string[] = [];
/** Removes the cloud assemblies this test file made (call from afterAll). */
export function removeOutdirs(): void {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** An App with one stack per context (env-agnostic unless `env` says otherwise: never the test's own CDK_DEFAULT_*). */
export function makeApp(
  contexts: OfficeContext[],
  o: { nag?: boolean; bundle?: boolean; context?: Record<string, unknown>; env?: { CDK_DEFAULT_ACCOUNT?: string; CDK_DEFAULT_REGION?: string } } = {},
): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'klachtenloket-cdk-'));
  outdirs.push(outdir);
  const app = new App({
    outdir,
    context: { ...cdkJsonContext(), ...(o.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...o.context },
  });
  const stacks = contexts.map((c) => addOffice(app, c, o.env ?? {}));
  if (o.nag) addNagChecks(app);
  return { app, outdir, stacks, synth: () => void app.synth() };
}

/** All five procedures' stacks, synthesized once per test file; a Template per procedure file. */
let all: { stacks: Map<string, OfficeStack>; templates: Map<string, Template> } | undefined;
export function allTemplates() {
  if (!all) {
    const made = makeApp(PROCEDURE_FILES.map((procedure) => ({ procedure })));
    const stacks = new Map(PROCEDURE_FILES.map((f, i) => [f, made.stacks[i]!]));
    // The first Template.fromStack synthesizes the App; the others reuse its assembly.
    const templates = new Map(PROCEDURE_FILES.map((f) => [f, Template.fromStack(stacks.get(f)!)]));
    all = { stacks, templates };
  }
  return all;
}

export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string; DependsOn?: string[] }>;

export const resourcesOf = (t: Template): Resources => t.toJSON().Resources as Resources;

export function ofType(t: Template, type: string): [string, NonNullable<Resources[string]>][] {
  return Object.entries(resourcesOf(t)).filter(([, r]) => r.Type === type);
}

export function only(t: Template, type: string): [string, NonNullable<Resources[string]>] {
  const found = ofType(t, type);
  if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  return found[0]!;
}

/** The logical id of a construct's CloudFormation resource. */
export const logicalId = (stack: OfficeStack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId((construct.node.defaultChild ?? construct) as never);

const FAKE = { partition: 'aws', region: 'eu-west-1', account: '123456789012' };

/**
 * Resolves the intrinsics a function's environment uses to plausible values of the right shape
 * (an ARN for a GetAtt Arn, a URL for ApiEndpoint, ...), so readAwsConfig can judge the wiring.
 */
export function fakeResolve(value: unknown, resources: Resources): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if ('Ref' in v) {
    const ref = v.Ref as string;
    if (ref === 'AWS::Partition') return FAKE.partition;
    if (ref === 'AWS::Region') return FAKE.region;
    if (ref === 'AWS::AccountId') return FAKE.account;
    if (ref === 'AWS::URLSuffix') return 'amazonaws.com';
    const type = resources[ref]?.Type;
    switch (type) {
      case 'AWS::SecretsManager::Secret':
        return `arn:aws:secretsmanager:${FAKE.region}:${FAKE.account}:secret:${ref}-AbCdEf`;
      case 'AWS::DynamoDB::Table':
      case 'AWS::S3::Bucket':
      case 'AWS::SES::ConfigurationSet':
        return ref.toLowerCase();
      default:
        throw new Error(`fakeResolve: Ref to ${ref} (${type}) not known`);
    }
  }
  if ('Fn::GetAtt' in v) {
    const [ref, attr] = v['Fn::GetAtt'] as [string, string];
    const type = resources[ref]?.Type;
    if (attr === 'ApiEndpoint') return `https://abc123.execute-api.${FAKE.region}.amazonaws.com`;
    if (attr === 'Arn' && type === 'AWS::IAM::Role') return `arn:aws:iam::${FAKE.account}:role/${ref}`;
    if (attr === 'Arn' && type === 'AWS::SQS::Queue') return `arn:aws:sqs:${FAKE.region}:${FAKE.account}:${ref}`;
    if (attr === 'Arn' && type === 'AWS::Lambda::Function') return `arn:aws:lambda:${FAKE.region}:${FAKE.account}:function:${ref}`;
    throw new Error(`fakeResolve: GetAtt ${ref}.${attr} (${type}) not known`);
  }
  if ('Fn::Join' in v) {
    const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => fakeResolve(p, resources)).join(sep);
  }
  throw new Error(`fakeResolve: ${JSON.stringify(value)} not known`);
}

/** Every policy statement of every role in a template: inline (Roles' Policies) and AWS::IAM::Policy resources. */
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
  Principal?: unknown;
  Sid?: string;
}
export const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** The identity-policy statements attached to a role (by the role's logical id). */
export function statementsOfRole(resources: Resources, roleId: string): Statement[] {
  const out: Statement[] = [];
  const role = resources[roleId];
  for (const p of asList(role?.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined)) out.push(...p.PolicyDocument.Statement);
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    const roles = asList(r.Properties!.Roles as { Ref: string }[]);
    if (roles.some((x) => x.Ref === roleId)) out.push(...(r.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
  }
  return out;
}
