/**
 * The stateless part of an office: everything that can be replaced by a redeploy. Five functions
 * (one per job), the HTTP API, SES (sending identity, configuration set, receipt rule), the
 * deadline schedule group with the role EventBridge Scheduler uses, the queues failed work lands
 * in, and the alarms.
 *
 * Permissions are per function and name only what that function's code calls (see GRANTS): no
 * `*` actions, resources scoped to the table (and the indexes a function queries), the bucket
 * prefixes, the SES identity and configuration set, the schedule group's schedules, the one
 * scheduler role and the one secret.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArnFormat, Aws, CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sesActions from 'aws-cdk-lib/aws-ses-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BLOB_PREFIX } from '../../shared/aws/context.ts';
import { INDEX } from '../../shared/store/dynamo.ts';
import { COMPILED_PROCEDURE_FILE } from '../../shared/procedure/compiled.ts';
import { BUNDLE, FUNCTION_ENTRIES, PROJECT_ROOT, writeCompiledProcedure, type FunctionKey } from './bundle-options.ts';
import type { OfficeSettings } from './settings.ts';
import { MAIL_PREFIX, type StatefulPart } from './stateful.ts';

/** What each function's code calls (read from shared/app, shared/http, shared/reports, shared/store, functions/). */
interface Grant {
  /** DynamoDB actions on the table (every function reads and commits cases). */
  dynamo: string[];
  /** Indexes it queries: the sweeper the pending index, staff and reconcile/retention/reports the status index. */
  indexes: string[];
  /** S3 actions under `blobs/`; ListBucket there comes with reading (a missing blob is then a 404, not a 403) and deleting (deletePrefix lists). */
  blobs: ('s3:GetObject' | 's3:PutObject' | 's3:DeleteObject')[];
  /** Reads SES's raw copy under MAIL_PREFIX. */
  readsInboundMail: boolean;
}

/** Reading and committing cases, carrying out effects (settle, expire-items, register rows). */
const READ_WRITE = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'];
/** Purging a case (retention, erasure on request): deleteCase releases keys one by one and batch-deletes the items. */
const PURGE = ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/**
 * Per function. DeleteItem where a key is claimed (claimKey releases a lost claim): intake, staff
 * sign-in and staff-entered complaints, mailed complaints. Purging (BatchWriteItem, and deleting a
 * case's blobs) where cases are deleted: staff (erasure on request, AVG art. 17) and the sweeper
 * (retention). Every function carries out effects, so every one sends mail (SES), schedules
 * timers (Scheduler, PassRole) and signs (the secret).
 */
export const GRANTS: Record<FunctionKey, Grant> = {
  public: { dynamo: [...READ_WRITE, 'dynamodb:DeleteItem'], indexes: [], blobs: [], readsInboundMail: false },
  staff: { dynamo: [...READ_WRITE, ...PURGE], indexes: [INDEX.status], blobs: ['s3:GetObject', 's3:DeleteObject'], readsInboundMail: false },
  inbound: { dynamo: [...READ_WRITE, 'dynamodb:DeleteItem'], indexes: [], blobs: ['s3:PutObject'], readsInboundMail: true },
  deadline: { dynamo: READ_WRITE, indexes: [], blobs: [], readsInboundMail: false },
  sweeper: { dynamo: [...READ_WRITE, ...PURGE], indexes: [INDEX.pending, INDEX.status], blobs: ['s3:DeleteObject'], readsInboundMail: false },
};

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
};

/** Throttling of every route (the stage's default route settings) and, stricter, of intake. */
export const THROTTLE = { rateLimit: 20, burstLimit: 40 };
export const INTAKE_THROTTLE = { route: 'POST /api/complaints', rateLimit: 2, burstLimit: 10 };

/** The HTTP contract's deployed routes (never `/_local/*`). */
export const PUBLIC_ROUTES: [apigw.HttpMethod, string][] = [
  [apigw.HttpMethod.GET, '/'],
  [apigw.HttpMethod.POST, '/api/complaints'],
  [apigw.HttpMethod.GET, '/complaints/{reference}'],
  [apigw.HttpMethod.GET, '/complaints/{reference}/ontvangen'],
  [apigw.HttpMethod.GET, '/api/complaints/{reference}'],
];
export const STAFF_ROUTES: [apigw.HttpMethod, string][] = [
  [apigw.HttpMethod.GET, '/staff'],
  [apigw.HttpMethod.ANY, '/staff/{proxy+}'],
  [apigw.HttpMethod.ANY, '/api/staff/{proxy+}'],
];

const LOG_RETENTION = logs.RetentionDays.THREE_MONTHS;

export interface ServicePartProps {
  settings: OfficeSettings;
  data: StatefulPart;
}

export class ServicePart extends Construct {
  readonly functions: Record<FunctionKey, NodejsFunction>;
  readonly roles: Record<FunctionKey, iam.Role>;
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly scheduleGroup: scheduler.ScheduleGroup;
  readonly schedulerRole: iam.Role;
  readonly queues: { schedulerDlq: sqs.Queue; inboundFailures: sqs.Queue; deadlineFailures: sqs.Queue };
  readonly alarmTopic: sns.Topic;
  readonly mailFeedbackTopic: sns.Topic;
  readonly configurationSet: ses.ConfigurationSet;
  readonly sendingIdentity: ses.EmailIdentity;
  readonly receiptRule: ses.ReceiptRule;
  readonly alarms: cloudwatch.Alarm[] = [];
  /** The schedules the functions may manage: every schedule in the office's group. */
  readonly schedulesArn: string;
  readonly publicRoutes: apigw.HttpRoute[] = [];
  readonly staffRoutes: apigw.HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: ServicePartProps) {
    super(scope, id);
    const { settings: s, data } = props;
    const stack = Stack.of(this);

    // ── Queues: where failed work waits for a person ────────────────────────────────────────────
    const queue = (qid: string) =>
      new sqs.Queue(this, qid, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    this.queues = {
      // EventBridge Scheduler could not deliver a deadline (DEADLINE_DLQ_ARN).
      schedulerDlq: queue('DeadlineSchedulerDlq'),
      // Invocations that still failed after Lambda's retries (on-failure destinations).
      inboundFailures: queue('InboundMailFailures'),
      deadlineFailures: queue('DeadlineFailures'),
    };

    // ── Deadlines: the schedule group and the role the Scheduler invokes the deadline function with ──
    const scheduleGroupName = `${s.orgId}-deadlines`;
    this.scheduleGroup = new scheduler.ScheduleGroup(this, 'Deadlines', { scheduleGroupName });
    // A fixed name, so its ARN is known before it exists: the function's own env and the
    // Scheduler role's policy name it without a reference cycle.
    const deadlineFunctionName = `${s.orgId}-deadline`;
    const deadlineFunctionArn = stack.formatArn({
      service: 'lambda',
      resource: 'function',
      resourceName: deadlineFunctionName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'EventBridge Scheduler invokes the deadline function with this role',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': this.scheduleGroup.scheduleGroupArn },
        },
      }),
    });
    this.schedulerRole.addToPolicy(
      new iam.PolicyStatement({ sid: 'InvokeDeadline', actions: ['lambda:InvokeFunction'], resources: [deadlineFunctionArn] }),
    );
    this.schedulerRole.addToPolicy(
      new iam.PolicyStatement({ sid: 'DeadLetter', actions: ['sqs:SendMessage'], resources: [this.queues.schedulerDlq.queueArn] }),
    );

    // ── Mail out: the sending identity and the configuration set with bounce/complaint events ────
    this.mailFeedbackTopic = new sns.Topic(this, 'MailFeedback', {
      displayName: `${s.orgId}: SES bounces and complaints`,
      enforceSSL: true,
    });
    this.configurationSet = new ses.ConfigurationSet(this, 'MailConfig', {
      configurationSetName: `${s.orgId}-mail`,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('Feedback', {
      destination: ses.EventDestination.snsTopic(this.mailFeedbackTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT, ses.EmailSendingEvent.RENDERING_FAILURE],
    });
    this.sendingIdentity = new ses.EmailIdentity(this, 'SendingIdentity', {
      identity: ses.Identity.domain(s.mailDomain),
      configurationSet: this.configurationSet,
      dkimSigning: true,
    });
    // SES receives only for verified domains: the reply domain is its own identity unless it is the mail domain.
    const replyIdentity =
      s.replyDomain === s.mailDomain ? undefined : new ses.EmailIdentity(this, 'ReplyIdentity', { identity: ses.Identity.domain(s.replyDomain), dkimSigning: true });
    this.schedulesArn = stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${scheduleGroupName}/*` });
    const identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: s.mailDomain });
    const configurationSetArn = stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName });

    // ── The functions ────────────────────────────────────────────────────────────────────────────
    // The procedure as validated at synth, shipped as data next to each bundle (no YAML or schema at cold start).
    const compiledProcedure = writeCompiledProcedure({ procedure: s.procedure, hash: s.procedureHash }, mkdtempSync(join(tmpdir(), 'klachtenloket-procedure-')));
    const httpApi = new apigw.HttpApi(this, 'Api', {
      apiName: `${s.orgId}-klachtenloket`,
      description: `Klachtenloket ${s.procedure.organisation.name}`,
      createDefaultStage: false,
      // CORS off: the form and the workspace are served from the same origin.
    });
    this.httpApi = httpApi;
    const publicUrl = s.publicUrl ?? httpApi.apiEndpoint;

    const environment: Record<string, string> = {
      TABLE_NAME: data.table.tableName,
      BUCKET: data.bucket.bucketName,
      MAIL_PREFIX,
      PUBLIC_URL: publicUrl,
      REPLY_DOMAIN: s.replyDomain,
      SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      SCHEDULE_GROUP: scheduleGroupName,
      DEADLINE_FUNCTION_ARN: deadlineFunctionArn,
      SCHEDULER_ROLE_ARN: this.schedulerRole.roleArn,
      DEADLINE_DLQ_ARN: this.queues.schedulerDlq.queueArn,
      SIGNING_KEY_SECRET_ARN: data.signingKey.secretArn,
      PROCEDURE_FILE: COMPILED_PROCEDURE_FILE,
      // Stack traces through the bundles' external .map files (NodejsFunction does not set this itself).
      NODE_OPTIONS: '--enable-source-maps',
      // Not read by the code: changing it makes Lambda start fresh containers (key rotation).
      ...(s.signingKeysVersion ? { SIGNING_KEYS_VERSION: s.signingKeysVersion } : {}),
    };

    const make = (
      key: FunctionKey,
      extra: { functionName?: string; env?: Record<string, string>; async?: { retryAttempts: number; onFailure?: sqs.Queue } } = {},
    ) => {
      const spec = SPECS[key];
      const logGroup = new logs.LogGroup(this, `${cap(key)}Logs`, { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
      const role = new iam.Role(this, `${cap(key)}Role`, {
        description: `The ${key} function of ${s.orgId}`,
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      });
      // Instead of the managed AWSLambdaBasicExecutionRole (any log group): only its own.
      role.addToPolicy(
        new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
      );
      const fn = new NodejsFunction(this, cap(key), {
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
        environment: { ...environment, ...extra.env },
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
          // The SDK is bundled (tree-shaken, pinned by our lock file), not taken from the runtime.
          bundleAwsSDK: true,
          externalModules: [],
          forceDockerBundling: false,
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            // The procedure this office runs, read at cold start (shared/aws/context.ts loadBundledProcedure).
            afterBundling: (_inputDir: string, outputDir: string) => [`cp "${compiledProcedure}" "${outputDir}/${COMPILED_PROCEDURE_FILE}"`],
          },
        },
      });
      // Sends mail from the organisation's domain, with the configuration set.
      role.addToPolicy(new iam.PolicyStatement({ sid: 'SendMail', actions: ['ses:SendRawEmail'], resources: [identityArn, configurationSetArn] }));
      // Deadline timers: one-time schedules in the office's group, run with the scheduler role.
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'Schedules',
          actions: ['scheduler:CreateSchedule', 'scheduler:GetSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
          resources: [this.schedulesArn],
        }),
      );
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'PassSchedulerRole',
          actions: ['iam:PassRole'],
          resources: [this.schedulerRole.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
        }),
      );
      role.addToPolicy(new iam.PolicyStatement({ sid: 'SigningKey', actions: ['secretsmanager:GetSecretValue'], resources: [data.signingKey.secretArn] }));
      const g = GRANTS[key];
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
    };

    const made = {
      public: make('public', { ...(s.formMinFillMs !== undefined ? { env: { FORM_MIN_FILL_MS: String(s.formMinFillMs) } } : {}) }),
      staff: make('staff'),
      inbound: make('inbound', { async: { retryAttempts: 2, onFailure: this.queues.inboundFailures } }),
      deadline: make('deadline', { functionName: deadlineFunctionName, async: { retryAttempts: 2, onFailure: this.queues.deadlineFailures } }),
      // Runs again in five minutes anyway: one retry, no queue (its errors alarm).
      sweeper: make('sweeper', { async: { retryAttempts: 1 } }),
    };
    this.functions = { public: made.public.fn, staff: made.staff.fn, inbound: made.inbound.fn, deadline: made.deadline.fn, sweeper: made.sweeper.fn };
    this.roles = { public: made.public.role, staff: made.staff.role, inbound: made.inbound.role, deadline: made.deadline.role, sweeper: made.sweeper.role };

    // ── HTTP API: the contract's routes, throttled, with access logs (no IPs, no paths with references) ──
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    this.stage = new apigw.HttpStage(this, 'Stage', {
      httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // The route key, not the path: `/complaints/{reference}` never names a case. No source IP, no user agent.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            route: '$context.routeKey',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const publicIntegration = new HttpLambdaIntegration('PublicIntegration', this.functions.public);
    const staffIntegration = new HttpLambdaIntegration('StaffIntegration', this.functions.staff);
    for (const [method, path] of PUBLIC_ROUTES) this.publicRoutes.push(...httpApi.addRoutes({ path, methods: [method], integration: publicIntegration }));
    for (const [method, path] of STAFF_ROUTES) this.staffRoutes.push(...httpApi.addRoutes({ path, methods: [method], integration: staffIntegration }));
    const cfnStage = this.stage.node.defaultChild as apigw.CfnStage;
    cfnStage.routeSettings = {
      // A JSON property: CloudFormation's own (capitalised) names.
      [INTAKE_THROTTLE.route]: { ThrottlingRateLimit: INTAKE_THROTTLE.rateLimit, ThrottlingBurstLimit: INTAKE_THROTTLE.burstLimit },
    };
    // Route settings name a route key: the route must exist before the stage is updated.
    for (const r of [...this.publicRoutes, ...this.staffRoutes]) this.stage.node.addDependency(r);

    // ── Mail in: receipt rule (S3 first, then the function) for the reply domain ─────────────────
    const ruleSet = s.receiptRuleSetName
      ? ses.ReceiptRuleSet.fromReceiptRuleSetName(this, 'InboundRules', s.receiptRuleSetName)
      : new ses.ReceiptRuleSet(this, 'InboundRules', { receiptRuleSetName: `${s.orgId}-inbound` });
    this.receiptRule = new ses.ReceiptRule(this, 'InboundRule', {
      ruleSet,
      receiptRuleName: `${s.orgId}-replies`,
      // Replies (any address at the reply domain) and, where the organisation's mail domain has its MX
      // at SES, complaints mailed to the complaints address itself.
      recipients: [s.replyDomain, s.procedure.organisation.email.toLowerCase()],
      enabled: true,
      scanEnabled: true,
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      actions: [
        // No KMS key: with one, SES would encrypt client-side and S3 GetObject would return ciphertext.
        new sesActions.S3({ bucket: data.bucket, objectKeyPrefix: MAIL_PREFIX }),
        new sesActions.Lambda({ function: this.functions.inbound, invocationType: sesActions.LambdaInvocationType.EVENT }),
      ],
    });
    if (replyIdentity) this.receiptRule.node.addDependency(replyIdentity);

    // ── The sweeper: every five minutes; once a day it also reconciles timers ───────────────────
    new events.Rule(this, 'SweepEvery5Minutes', {
      description: 'Carries out effects a crash or an outage left undone',
      schedule: events.Schedule.rate(Duration.minutes(5)),
      targets: [new eventTargets.LambdaFunction(this.functions.sweeper, { retryAttempts: 0 })],
    });
    new events.Rule(this, 'ReconcileDaily', {
      description: 'Gives every open term its timers back if any were lost (03:30 UTC)',
      schedule: events.Schedule.cron({ minute: '30', hour: '3' }),
      targets: [
        new eventTargets.LambdaFunction(this.functions.sweeper, { event: events.RuleTargetInput.fromObject({ reconcile: true }), retryAttempts: 2 }),
      ],
    });

    // ── Alarms: every queue with a message in it, every function error, mail feedback, API 5xx ──
    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: `${s.orgId}: klachtenloket alarms`, enforceSSL: true });
    if (s.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(s.alarmEmail));
    const action = new cwActions.SnsAction(this.alarmTopic);
    const alarm = (aid: string, metric: cloudwatch.IMetric, description: string, threshold = 1) => {
      const a = new cloudwatch.Alarm(this, aid, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };
    for (const [qid, q] of Object.entries(this.queues)) {
      alarm(`${cap(qid)}Alarm`, q.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), `Messages waiting in ${qid}: work that failed and needs a look`);
    }
    for (const key of Object.keys(this.functions) as FunctionKey[]) {
      alarm(`${cap(key)}ErrorsAlarm`, this.functions[key].metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), `The ${key} function failed`);
    }
    alarm(
      'MailFeedbackAlarm',
      this.mailFeedbackTopic.metricNumberOfMessagesPublished({ period: Duration.minutes(5), statistic: 'Sum' }),
      'SES reported a bounce, complaint, reject or rendering failure (see the SES console / suppression list)',
    );
    // The public function turns its errors into a 500 without failing: count them at the API.
    alarm('ApiServerErrorsAlarm', httpApi.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), 'The HTTP API answered 5xx', 3);

    // ── What an administrator needs after the deploy ─────────────────────────────────────────────
    new CfnOutput(this, 'ApiUrl', { value: httpApi.apiEndpoint, description: 'The HTTP API endpoint' });
    new CfnOutput(this, 'PublicUrl', { value: publicUrl, description: 'PUBLIC_URL (status links, staff sign-in links)' });
    new CfnOutput(this, 'ReplyDomainMx', { value: `${s.replyDomain} MX 10 inbound-smtp.${Aws.REGION}.amazonaws.com`, description: 'The MX record to publish for the reply domain' });
    this.sendingIdentity.dkimRecords.forEach((r, i) => new CfnOutput(this, `DkimRecord${i + 1}`, { value: `${r.name} CNAME ${r.value}`, description: `DKIM record ${i + 1} for ${s.mailDomain}` }));
    replyIdentity?.dkimRecords.forEach((r, i) => new CfnOutput(this, `ReplyDkimRecord${i + 1}`, { value: `${r.name} CNAME ${r.value}`, description: `DKIM record ${i + 1} for ${s.replyDomain}` }));
    if (!s.receiptRuleSetName) {
      new CfnOutput(this, 'ActivateReceiptRules', {
        value: `aws ses set-active-receipt-rule-set --rule-set-name ${s.orgId}-inbound --region ${Aws.REGION}`,
        description: 'Run once: only one receipt rule set is active per region (see DEPLOYING.md)',
      });
    }
    new CfnOutput(this, 'SigningKeySecret', { value: data.signingKey.secretArn, description: 'The signing keys (Secrets Manager; the value never leaves it)' });
    new CfnOutput(this, 'TableName', { value: data.table.tableName, description: 'The case table (retained on cdk destroy)' });
    new CfnOutput(this, 'BucketName', { value: data.bucket.bucketName, description: 'Inbound mail and case blobs (retained on cdk destroy)' });
    new CfnOutput(this, 'AlarmTopic', { value: this.alarmTopic.topicArn, description: s.alarmEmail ? `Alarms mailed to ${s.alarmEmail}` : 'Alarms: no e-mail set, subscribe to this topic' });
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
