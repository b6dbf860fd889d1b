/**
 * The functions, one per job, each with its own role and log group. Permissions are per function
 * and name only what that function's code calls (see GRANTS): no `*` actions, resources scoped to
 * the table (and the indexes a function queries), the bucket prefixes, the SES identity and
 * configuration set, the schedule group's schedules, the one scheduler role and the one secret.
 */
import { writePublicAssets } from '../public-assets.ts';
import { hasSideFiles, writeSideFiles } from '../side-files.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { BLOB_PREFIX } from '../../../shared/aws/bucket-layout.ts';
import { NEW_COMMIT_WITH_EFFECTS } from '../../../shared/store/table.ts';
import { COMPILED_PROCEDURE_FILE } from '../../../shared/procedure/compiled.ts';
import { BUNDLE, FUNCTION_ENTRIES, PROJECT_ROOT, writeCompiledProcedure, type FunctionKey } from '../bundle-options.ts';
import type { OfficeSettings } from '../settings.ts';
import { MAIL_PREFIX, type StatefulPart } from '../stateful.ts';
import { cap, LOG_RETENTION } from './common.ts';
import { GRANTS } from '../grants.ts';

/** Reading the table's stream, as Lambda's poller does for the effects function: only this table's streams. */
export const STREAM_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

/**
 * The effects function's event source: each new commit with effects, in small batches; a failing
 * record is retried (the batch bisected to find it), then reported to the on-failure queue. The
 * sweeper carries out whatever is still pending either way.
 */
export const EFFECTS_STREAM = { batchSize: 10, retryAttempts: 3, maxRecordAge: Duration.hours(1) };

interface FunctionSpec {
  description: string;
  memoryMiB: number;
  timeout: Duration;
}

const SPECS: Record<FunctionKey, FunctionSpec> = {
  public: { description: 'Complaint form, intake and status pages (HTTP API)', memoryMiB: 512, timeout: Duration.seconds(15) },
  staff: { description: 'Staff workspace and staff API (HTTP API)', memoryMiB: 512, timeout: Duration.seconds(20) },
  inbound: { description: 'Inbound mail (SES receipt rule → S3 → here)', memoryMiB: 1024, timeout: Duration.seconds(60) },
  deadline: { description: 'A deadline passed (EventBridge Scheduler one-time schedule)', memoryMiB: 512, timeout: Duration.seconds(30) },
  sweeper: { description: 'Finishes effects left undone; daily: reconciles timers', memoryMiB: 512, timeout: Duration.minutes(4) },
  effects: { description: 'Carries out new commits’ effects (the table’s stream): summary, mail, timers', memoryMiB: 512, timeout: Duration.seconds(60) },
};

/** What every function is given: its environment and the resources its role may use. */
export interface FunctionWiring {
  settings: OfficeSettings;
  data: StatefulPart;
  environment: Record<string, string>;
  /** The SES identity and configuration set it sends with. */
  mail: { identityArn: string; configurationSetArn: string };
  /** The deadline schedules it manages and the role it passes to the Scheduler. */
  deadlines: { schedulesArn: string; schedulerRole: iam.IRole; functionName: string };
  /** Where failed asynchronous invocations land. */
  failures: { inbound: sqs.Queue; deadline: sqs.Queue; effects: sqs.Queue };
}

export class FunctionsPart {
  readonly functions: Record<FunctionKey, NodejsFunction>;
  readonly roles: Record<FunctionKey, iam.Role>;

  constructor(
    private readonly scope: Construct,
    private readonly w: FunctionWiring,
  ) {
    const s = w.settings;
    const made = {
      public: this.make('public', { ...(s.formMinFillMs !== undefined ? { env: { FORM_MIN_FILL_MS: String(s.formMinFillMs) } } : {}) }),
      staff: this.make('staff'),
      inbound: this.make('inbound', { async: { retryAttempts: 2, onFailure: w.failures.inbound } }),
      deadline: this.make('deadline', { functionName: w.deadlines.functionName, async: { retryAttempts: 2, onFailure: w.failures.deadline } }),
      // Runs again in five minutes anyway: one retry, no queue (its errors alarm).
      sweeper: this.make('sweeper', { async: { retryAttempts: 1 } }),
      effects: this.make('effects'),
    };
    this.functions = { public: made.public.fn, staff: made.staff.fn, inbound: made.inbound.fn, deadline: made.deadline.fn, sweeper: made.sweeper.fn, effects: made.effects.fn };
    this.roles = { public: made.public.role, staff: made.staff.role, inbound: made.inbound.role, deadline: made.deadline.role, sweeper: made.sweeper.role, effects: made.effects.role };
    this.readStream(made.effects.fn, made.effects.role);
  }

  /** The table's stream → the effects function, filtered to new commits with effects. */
  private readStream(fn: NodejsFunction, role: iam.Role) {
    const { table } = this.w.data;
    // Not table.grantStreamRead: that allows ListStreams on every resource (`*`). Lambda's check asks
    // for these four actions "on your stream": this table's stream, nothing else.
    role.addToPolicy(new iam.PolicyStatement({ sid: 'CaseStream', actions: STREAM_READ, resources: [table.tableStreamArn!] }));
    new lambda.EventSourceMapping(this.scope, 'EffectsStream', {
      target: fn,
      eventSourceArn: table.tableStreamArn!,
      startingPosition: lambda.StartingPosition.LATEST,
      ...EFFECTS_STREAM,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(this.w.failures.effects),
      filters: [lambda.FilterCriteria.filter(NEW_COMMIT_WITH_EFFECTS)],
    });
  }

  private make(
    key: FunctionKey,
    extra: { functionName?: string; env?: Record<string, string>; async?: { retryAttempts: number; onFailure?: sqs.Queue } } = {},
  ): { fn: NodejsFunction; role: iam.Role } {
    const { scope, w } = this;
    const { settings: s, data } = w;
    const spec = SPECS[key];
    // The procedure as validated at synth, shipped as data next to each bundle (no YAML or schema at cold start).
    const compiledProcedure = writeCompiledProcedure({ procedure: s.procedure, hash: s.procedureHash }, mkdtempSync(join(tmpdir(), 'klachtenloket-procedure-')));
    // The public function serves the pages' stylesheet (no CDN) and the regeling's diagram, drawn here, from its own bundle.
    const assets = key === 'public' ? writePublicAssets(s.procedure, mkdtempSync(join(tmpdir(), 'klachtenloket-public-'))) : [];
    // Code loaded on first use goes beside the bundle: pdfkit with its font metrics, the S3 client (infra/stack/side-files.ts).
    const side = hasSideFiles(key) ? mkdtempSync(join(tmpdir(), 'klachtenloket-side-')) : undefined;
    if (side) writeSideFiles(key, side);
    const logGroup = new logs.LogGroup(scope, `${cap(key)}Logs`, { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    const role = new iam.Role(scope, `${cap(key)}Role`, {
      description: `The ${key} function of ${s.orgId}`,
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    // Instead of the managed AWSLambdaBasicExecutionRole (any log group): only its own.
    role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    const fn = new NodejsFunction(scope, cap(key), {
      entry: `${PROJECT_ROOT}/${FUNCTION_ENTRIES[key]}`,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}/package-lock.json`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      description: spec.description,
      memorySize: spec.memoryMiB,
      timeout: spec.timeout,
      role,
      logGroup,
      ...(extra.functionName ? { functionName: extra.functionName } : {}),
      environment: { ...w.environment, ...extra.env },
      // Async invocations (SES, Scheduler, EventBridge): Lambda's retries, then the on-failure queue.
      ...(extra.async
        ? {
            retryAttempts: extra.async.retryAttempts,
            maxEventAge: Duration.hours(6),
            ...(extra.async.onFailure ? { onFailure: new SqsDestination(extra.async.onFailure) } : {}),
          }
        : {}),
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE.target,
        minify: BUNDLE.minify,
        keepNames: BUNDLE.keepNames,
        sourceMap: BUNDLE.sourceMap,
        sourceMapMode: SourceMapMode.EXTERNAL,
        sourcesContent: BUNDLE.sourcesContent,
        mainFields: [...BUNDLE.mainFields],
        banner: BUNDLE.banner,
        esbuildArgs: { '--alias': Object.entries(BUNDLE.alias).map(([name, path]) => `${name}=${path}`) },
        define: { ...BUNDLE.define },
        // The SDK is bundled (tree-shaken, pinned by our lock file), not taken from the runtime.
        bundleAwsSDK: true,
        externalModules: [],
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The procedure this office runs, read at cold start (shared/aws/context.ts loadBundledProcedure).
          afterBundling: (_inputDir: string, outputDir: string) => [
            `cp "${compiledProcedure}" "${outputDir}/${COMPILED_PROCEDURE_FILE}"`,
            ...assets.map((file) => `cp "${file}" "${outputDir}/${basename(file)}"`),
            ...(side ? [`cp -R "${side}/." "${outputDir}/"`] : []),
          ],
        },
      },
    });
    const g = GRANTS[key];
    // Sends mail from the organisation's domain, with the configuration set.
    if (g.sendsMail) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'SendMail', actions: ['ses:SendRawEmail'], resources: [w.mail.identityArn, w.mail.configurationSetArn] }));
    }
    // Deadline timers: one-time schedules in the office's group, run with the scheduler role.
    if (g.schedules !== 'none') {
      const actions = g.schedules === 'manage' ? ['scheduler:CreateSchedule', 'scheduler:GetSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'] : ['scheduler:DeleteSchedule'];
      role.addToPolicy(new iam.PolicyStatement({ sid: 'Schedules', actions, resources: [w.deadlines.schedulesArn] }));
    }
    if (g.schedules === 'manage') {
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'PassSchedulerRole',
          actions: ['iam:PassRole'],
          resources: [w.deadlines.schedulerRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
        }),
      );
    }
    role.addToPolicy(new iam.PolicyStatement({ sid: 'SigningKey', actions: ['secretsmanager:GetSecretValue'], resources: [data.signingKey.secretArn] }));
    role.addToPolicy(new iam.PolicyStatement({ sid: 'Cases', actions: [...g.dynamo], resources: [data.table.tableArn] }));
    if (g.indexes.length) {
      role.addToPolicy(
        new iam.PolicyStatement({ sid: 'CaseIndexes', actions: ['dynamodb:Query'], resources: g.indexes.map((i) => `${data.table.tableArn}/index/${i}`) }),
      );
    }
    if (g.blobs.length) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'Blobs', actions: [...g.blobs], resources: [data.bucket.arnForObjects(`${BLOB_PREFIX}*`)] }));
    }
    if (g.blobs.includes('s3:GetObject') || g.blobs.includes('s3:DeleteObject')) {
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'ListBlobs',
          actions: ['s3:ListBucket'],
          resources: [data.bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${BLOB_PREFIX}*`] } },
        }),
      );
    }
    if (g.readsInboundMail) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'InboundMail', actions: ['s3:GetObject'], resources: [data.bucket.arnForObjects(`${MAIL_PREFIX}*`)] }));
    }
    return { fn, role };
  }
}
