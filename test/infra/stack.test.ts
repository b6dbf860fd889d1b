/**
 * The office stack as CloudFormation, for all five procedures (synthesized in-process, once,
 * without bundling): resources, IAM scoping and the functions' wiring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { FUNCTION_KEYS, type FunctionKey } from '../../infra/stack/bundle-options.ts';
import { PUBLIC_ROUTES, STAFF_ROUTES } from '../../infra/stack/service/api.ts';
import { LIMITS } from '../../shared/http/limits.ts';
import { retentionDays } from '../../infra/stack/settings.ts';
import { CASE_DURATION_ALLOWANCE_DAYS } from '../../infra/stack/stateful.ts';
import { MAIL_PREFIX, tableShape } from '../../infra/stack/stateful.ts';
import { BLOB_PREFIX } from '../../shared/aws/bucket-layout.ts';
import { awsEnvSchema, readAwsConfig } from '../../shared/aws/context.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import { INDEX, tableDefinition, TTL_ATTRIBUTE } from '../../shared/store/table.ts';
import {
  allTemplates,
  asList,
  fakeResolve,
  logicalId,
  makeApp,
  ofType,
  only,
  PROCEDURE_FILES,
  removeOutdirs,
  resourcesOf,
  statementsOfRole,
  type Statement,
} from './support.ts';

const EXPECTED_ROUTES = [...PUBLIC_ROUTES, ...STAFF_ROUTES].map(([m, p]) => `${m} ${p}`).sort();

/**
 * Least privilege, written out independently of the stack's own GRANTS table: what each function's
 * code calls. claimKey → DeleteItem; purging a case (staff erasure, the sweeper's retention) →
 * DeleteItem, BatchWriteItem and deleting its blobs; staff lists and reports by status (gsi2, and gsi3 by received date), letters to post (gsi4) and
 * reads blobs; the sweeper reads the pending index (gsi1) and reconciles, purges and reports by
 * status (gsi2); inbound stores blobs and reads SES's copy; the effects function and the sweeper store
 * letters to post (a mail effect's recipients without e-mail); public reads the complaint's attachments
 * for the copy of the person complained about (test/integration/grants.test.ts runs these paths behind
 * the grants). Mail and timers: only where code sends or
 * schedules itself. Commits' effects are carried out by the effects function (the table's stream) and
 * the sweeper (its backstop; also reconcile, purge notices and reports); staff mails sign-in links
 * and, erasing a case, deletes its timers; public, inbound and deadline only commit.
 */
const RW = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'];
const PURGE = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'];
const SCHEDULE = ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule', 'scheduler:UpdateSchedule'];
const EXPECTED_ACCESS: Record<FunctionKey, { dynamo: string[]; indexes: string[]; blobs: string[]; inboundMail: boolean; sendsMail: boolean; scheduler: string[] }> = {
  public: { dynamo: [...RW, 'dynamodb:DeleteItem'], indexes: [], blobs: ['s3:GetObject'], inboundMail: false, sendsMail: false, scheduler: [] },
  staff: { dynamo: [...RW, ...PURGE], indexes: [INDEX.status, INDEX.received, INDEX.letters], blobs: ['s3:GetObject', 's3:DeleteObject'], inboundMail: false, sendsMail: true, scheduler: ['scheduler:DeleteSchedule'] },
  inbound: { dynamo: [...RW, 'dynamodb:DeleteItem'], indexes: [], blobs: ['s3:PutObject'], inboundMail: true, sendsMail: false, scheduler: [] },
  deadline: { dynamo: RW, indexes: [], blobs: [], inboundMail: false, sendsMail: false, scheduler: [] },
  sweeper: { dynamo: [...RW, ...PURGE], indexes: [INDEX.pending, INDEX.status, INDEX.received], blobs: ['s3:PutObject', 's3:DeleteObject'], inboundMail: false, sendsMail: true, scheduler: SCHEDULE },
  effects: { dynamo: RW, indexes: [], blobs: ['s3:PutObject'], inboundMail: false, sendsMail: true, scheduler: SCHEDULE },
};
/** What Lambda's poller needs to read the table's stream for the effects function, on that stream only. */
const STREAM = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

/** Sorts arrays of objects by a key, to compare definitions whatever their order. */
const byName = (key: string) => (a: object, b: object) => String((a as Record<string, unknown>)[key]).localeCompare(String((b as Record<string, unknown>)[key]));

// One synthesis of all five stacks for the whole file (slow on a loaded machine: give it time).
beforeAll(() => void allTemplates(), 120_000);
afterAll(removeOutdirs);

describe.each(PROCEDURE_FILES)('the stack for %s', (file) => {
  const { procedure } = loadProcedureFile(file);
  const get = () => {
    const { stacks, templates } = allTemplates();
    const stack = stacks.get(file)!;
    const template = templates.get(file)!;
    const resources = resourcesOf(template);
    const fnId = (k: FunctionKey) => logicalId(stack, stack.service.functions[k]);
    const roleId = (k: FunctionKey) => logicalId(stack, stack.service.roles[k]);
    return { stack, template, resources, fnId, roleId };
  };

  it('is named after the organisation and holds one office', () => {
    const { stack } = get();
    expect(stack.stackName).toBe(procedure.id);
  });

  describe('stateful part', () => {
    it('has the table of tableDefinition(): keys, indexes, on-demand, TTL; PITR, deletion protection, retained', () => {
      const { template } = get();
      const [, table] = only(template, 'AWS::DynamoDB::Table');
      const def = tableDefinition('x');
      const p = table.Properties!;
      expect(p.BillingMode).toBe(def.BillingMode);
      expect(p.KeySchema).toEqual(def.KeySchema);
      expect([...(p.AttributeDefinitions as Record<string, unknown>[])].sort(byName('AttributeName'))).toEqual([...def.AttributeDefinitions!].sort(byName('AttributeName')));
      expect([...(p.GlobalSecondaryIndexes as Record<string, unknown>[])].sort(byName('IndexName'))).toEqual(
        def.GlobalSecondaryIndexes!.map((g) => ({ IndexName: g.IndexName, KeySchema: g.KeySchema, Projection: g.Projection })).sort(byName('IndexName')),
      );
      expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(p.DeletionProtectionEnabled).toBe(true);
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
      expect(p.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    });

    it('has a private, encrypted, TLS-only bucket, retained, expiring by the procedure’s retention', () => {
      const { template } = get();
      const [bucketId, bucket] = only(template, 'AWS::S3::Bucket');
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.UpdateReplacePolicy).toBe('Retain');
      template.hasResourceProperties('AWS::S3::Bucket', {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      });
      const rules = (bucket.Properties!.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
      const days = retentionDays(procedure.retention.afterClose);
      // Counted from upload: retention plus an allowance for the time the case was open.
      expect(rules).toContainEqual(expect.objectContaining({ Id: 'retention-backstop', ExpirationInDays: days + CASE_DURATION_ALLOWANCE_DAYS, Status: 'Enabled' }));
      expect(rules.find((r) => r.Id === 'retention-backstop')!.Prefix).toBeUndefined();
      expect(rules).toContainEqual(expect.objectContaining({ Id: 'inbound-mail', Prefix: MAIL_PREFIX, ExpirationInDays: 30 }));
      // The five procedures keep cases two years after closing.
      if (procedure.retention.afterClose.unit === 'years' && procedure.retention.afterClose.amount === 2) expect(days).toBe(730);
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });

    it('has a generated signing-key secret that is never in a template or an environment in clear', () => {
      const { template, resources } = get();
      const [secretId, secret] = only(template, 'AWS::SecretsManager::Secret');
      expect(secret.Properties!.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
      expect(secret.Properties!.SecretString).toBeUndefined();
      expect(secret.DeletionPolicy).toBe('Retain');
      for (const [, fn] of ofType(template, 'AWS::Lambda::Function')) {
        const env = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
        expect(env.SIGNING_KEY_SECRET_ARN).toEqual({ Ref: secretId });
        expect(Object.keys(env).filter((k) => /SIGNING_KEYS?$|SECRET$/.test(k))).toEqual([]);
      }
      expect(JSON.stringify(resources)).not.toContain('{{resolve:secretsmanager');
    });
  });

  describe('functions', () => {
    it('are one per job, Node.js 22 on arm64, bundled as ESM with the handler `handler`', () => {
      const { template, stack } = get();
      const fns = ofType(template, 'AWS::Lambda::Function');
      expect(fns).toHaveLength(FUNCTION_KEYS.length);
      for (const [, fn] of fns) {
        expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler' });
        expect((fn.Properties!.Environment as { Variables: Record<string, string> }).Variables.NODE_OPTIONS).toBe('--enable-source-maps');
        expect(fn.Properties!.LoggingConfig).toMatchObject({ LogGroup: { Ref: expect.any(String) } });
      }
      expect(stack.service.functions.deadline.node.defaultChild).toBeDefined();
      template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: `${procedure.id}-deadline` });
    });

    it('are wired: every variable readAwsConfig needs is set and valid, and points at the right resource', () => {
      const { template, resources, stack, fnId } = get();
      const required = Object.keys(awsEnvSchema.shape).filter((k) => k !== 'AWS_REGION' && k !== 'FORM_MIN_FILL_MS');
      const ids = {
        table: logicalId(stack, stack.data.table),
        bucket: logicalId(stack, stack.data.bucket),
        secret: logicalId(stack, stack.data.signingKey),
        schedulerRole: logicalId(stack, stack.service.schedulerRole),
        schedulerDlq: logicalId(stack, stack.service.queues.schedulerDlq),
        configSet: logicalId(stack, stack.service.configurationSet),
      };
      const [, group] = only(template, 'AWS::Scheduler::ScheduleGroup');
      const [, rule] = only(template, 'AWS::SES::ReceiptRule');
      const s3Action = ((rule.Properties!.Rule as { Actions: Record<string, Record<string, unknown>>[] }).Actions[0]!).S3Action!;
      for (const key of FUNCTION_KEYS) {
        const env = (resources[fnId(key)]!.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
        for (const name of required) expect(env, `${key}: ${name}`).toHaveProperty(name);
        const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, fakeResolve(v, resources)]));
        const config = readAwsConfig({ AWS_REGION: 'eu-west-1', ...resolved });
        expect(env.TABLE_NAME).toEqual({ Ref: ids.table });
        expect(env.BUCKET).toEqual({ Ref: ids.bucket });
        expect(env.MAIL_PREFIX).toBe(s3Action.ObjectKeyPrefix);
        expect(env.SCHEDULE_GROUP).toBe(group.Properties!.Name);
        expect(env.SCHEDULER_ROLE_ARN).toEqual({ 'Fn::GetAtt': [ids.schedulerRole, 'Arn'] });
        expect(env.DEADLINE_DLQ_ARN).toEqual({ 'Fn::GetAtt': [ids.schedulerDlq, 'Arn'] });
        expect(env.SES_CONFIGURATION_SET).toEqual({ Ref: ids.configSet });
        expect(env.SIGNING_KEY_SECRET_ARN).toEqual({ Ref: ids.secret });
        expect(config.REPLY_DOMAIN).toBe(`reply.${procedure.organisation.email.split('@')[1]!.toLowerCase()}`);
        expect(config.DEADLINE_FUNCTION_ARN).toMatch(new RegExp(`:function:${procedure.id}-deadline$`));
        expect(config.PUBLIC_URL).toMatch(/^https:\/\/.+\.execute-api\./);
        expect(env.PROCEDURE_FILE).toBe('procedure.json');
      }
    });

    it('send failed asynchronous invocations of inbound mail and deadlines to a queue', () => {
      const { template, stack, fnId } = get();
      for (const [key, queue] of [
        ['inbound', stack.service.queues.inboundFailures],
        ['deadline', stack.service.queues.deadlineFailures],
      ] as const) {
        template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
          FunctionName: { Ref: fnId(key) },
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(stack, queue), 'Arn'] } } },
        });
      }
    });

    it('the table’s stream starts the effects function for new commits with effects: small batches, bisect, retries, then a queue', () => {
      const { template, stack, fnId } = get();
      const [, mapping] = only(template, 'AWS::Lambda::EventSourceMapping');
      const p = mapping.Properties!;
      expect(p).toMatchObject({
        FunctionName: { Ref: fnId('effects') },
        EventSourceArn: { 'Fn::GetAtt': [logicalId(stack, stack.data.table), 'StreamArn'] },
        StartingPosition: 'LATEST',
        BatchSize: 10,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 3,
        MaximumRecordAgeInSeconds: 3600,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(stack, stack.service.queues.effectsFailures), 'Arn'] } } },
      });
      const patterns = (p.FilterCriteria as { Filters: { Pattern: string }[] }).Filters.map((f) => JSON.parse(f.Pattern));
      expect(patterns).toEqual([{ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['commit'] }, pendingPk: { S: ['PENDING'] } } } }]);
      const alarms = ofType(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
      expect(alarms).toContainEqual(expect.objectContaining({ MetricName: 'IteratorAge', Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId('effects') } }], Threshold: 300_000 }));
    });

    it('the sweeper runs every five minutes, and daily with {"reconcile": true}', () => {
      const { template, fnId } = get();
      const rules = ofType(template, 'AWS::Events::Rule').map(([, r]) => r.Properties!);
      const targetsSweeper = (r: Record<string, unknown>) =>
        asList(r.Targets as { Arn: unknown }[]).every((t) => JSON.stringify(t.Arn) === JSON.stringify({ 'Fn::GetAtt': [fnId('sweeper'), 'Arn'] }));
      expect(rules.filter((r) => r.ScheduleExpression === 'rate(5 minutes)' && targetsSweeper(r))).toHaveLength(1);
      const daily = rules.filter((r) => String(r.ScheduleExpression).startsWith('cron(') && targetsSweeper(r));
      expect(daily).toHaveLength(1);
      expect(JSON.parse((daily[0]!.Targets as { Input: string }[])[0]!.Input)).toEqual({ reconcile: true });
    });
  });

  describe('HTTP API', () => {
    it('has exactly the contract’s routes, none under /_local, public and staff to their functions', () => {
      const { template, resources, fnId } = get();
      const routes = ofType(template, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties!);
      const keys = routes.map((r) => r.RouteKey as string).sort();
      expect(keys).toEqual(EXPECTED_ROUTES);
      // The regeling (with its diagram), its stylesheet and the JSON clients' form token are served on AWS too.
      expect(keys).toEqual(expect.arrayContaining(['GET /regeling', 'GET /assets/nlds.css', 'GET /api/form-token']));
      expect(keys.some((k) => k.includes('/_local'))).toBe(false);
      expect(keys).not.toContain('$default');
      const integrationOf = (routeKey: string) => {
        const target = routes.find((r) => r.RouteKey === routeKey)!.Target as { 'Fn::Join': [string, unknown[]] };
        const ref = (target['Fn::Join'][1][1] as { Ref: string }).Ref;
        return JSON.stringify(resources[ref]!.Properties!.IntegrationUri);
      };
      for (const [m, p] of PUBLIC_ROUTES) expect(integrationOf(`${m} ${p}`)).toContain(fnId('public'));
      for (const [m, p] of STAFF_ROUTES) expect(integrationOf(`${m} ${p}`)).toContain(fnId('staff'));
      for (const r of routes) expect(r.AuthorizationType ?? 'NONE').toBe('NONE');
    });

    it('throttles every route (intake harder), logs access without IPs, has CORS off', () => {
      const { template } = get();
      const [, stage] = only(template, 'AWS::ApiGatewayV2::Stage');
      const p = stage.Properties!;
      expect(p.StageName).toBe('$default');
      // The numbers the local office throttles with (shared/http/limits.ts), written out: a change must be made on purpose.
      expect(LIMITS.api).toEqual({ rateLimit: 20, burstLimit: 40 });
      expect(LIMITS.intake).toEqual({ route: 'POST /api/complaints', rateLimit: 2, burstLimit: 10 });
      expect(p.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: LIMITS.api.rateLimit, ThrottlingBurstLimit: LIMITS.api.burstLimit });
      expect(p.RouteSettings).toEqual({ [LIMITS.intake.route]: { ThrottlingRateLimit: LIMITS.intake.rateLimit, ThrottlingBurstLimit: LIMITS.intake.burstLimit } });
      const logs = p.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
      const [logGroupId] = logs.DestinationArn['Fn::GetAtt'];
      expect(resourcesOf(template)[logGroupId]!.Type).toBe('AWS::Logs::LogGroup');
      expect(resourcesOf(template)[logGroupId]!.Properties!.RetentionInDays).toBeGreaterThan(0);
      expect(JSON.parse(logs.Format)).toHaveProperty('requestId', '$context.requestId');
      expect(logs.Format).not.toMatch(/sourceIp|userAgent|\$context\.path/);
      const [, api] = only(template, 'AWS::ApiGatewayV2::Api');
      expect(api.Properties!.ProtocolType).toBe('HTTP');
      expect(api.Properties!.CorsConfiguration).toBeUndefined();
    });
  });

  describe('mail', () => {
    it('receives for the reply domain: scan, TLS required, S3 (no KMS) before the inbound function', () => {
      const { template, stack, fnId } = get();
      const [, rule] = only(template, 'AWS::SES::ReceiptRule');
      const r = rule.Properties!.Rule as { Actions: Record<string, Record<string, unknown>>[]; Recipients: string[]; ScanEnabled: boolean; TlsPolicy: string; Enabled: boolean };
      expect(r).toMatchObject({ ScanEnabled: true, TlsPolicy: 'Require', Enabled: true, Recipients: [stack.settings.replyDomain, procedure.organisation.email.toLowerCase()] });
      expect(r.Actions.map((a) => Object.keys(a)[0])).toEqual(['S3Action', 'LambdaAction']);
      expect(r.Actions[0]!.S3Action).toEqual({ BucketName: { Ref: logicalId(stack, stack.data.bucket) }, ObjectKeyPrefix: MAIL_PREFIX });
      expect(r.Actions[1]!.LambdaAction).toMatchObject({ FunctionArn: { 'Fn::GetAtt': [fnId('inbound'), 'Arn'] }, InvocationType: 'Event' });
      // SES may write under inbound/ (for this account only) and invoke the inbound function.
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Action: 's3:PutObject',
              Principal: { Service: 'ses.amazonaws.com' },
              Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
              Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack, stack.data.bucket), 'Arn'] }, `/${MAIL_PREFIX}*`]] },
            }),
          ]),
        },
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [fnId('inbound'), 'Arn'] },
        Principal: 'ses.amazonaws.com',
        SourceAccount: { Ref: 'AWS::AccountId' },
      });
      expect(ofType(template, 'AWS::SES::ReceiptRuleSet')).toHaveLength(1);
    });

    it('sends from the organisation’s domain with a configuration set that publishes bounces and complaints to a topic with an alarm', () => {
      const { template, stack } = get();
      const identities = ofType(template, 'AWS::SES::EmailIdentity').map(([, r]) => r.Properties!);
      const domain = procedure.organisation.email.split('@')[1]!.toLowerCase();
      expect(identities).toContainEqual(expect.objectContaining({ EmailIdentity: domain, ConfigurationSetAttributes: expect.anything() }));
      expect(identities).toContainEqual(expect.objectContaining({ EmailIdentity: stack.settings.replyDomain }));
      const topicId = logicalId(stack, stack.service.mailFeedbackTopic);
      template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
          SnsDestination: { TopicARN: { Ref: topicId } },
        },
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SNS',
        MetricName: 'NumberOfMessagesPublished',
        Dimensions: [{ Name: 'TopicName', Value: { 'Fn::GetAtt': [topicId, 'TopicName'] } }],
      });
    });
  });

  describe('deadlines', () => {
    it('have a schedule group and a role that lets the Scheduler invoke only the deadline function (and write its DLQ)', () => {
      const { template, resources, stack, fnId } = get();
      const [groupId, group] = only(template, 'AWS::Scheduler::ScheduleGroup');
      expect(group.Properties!.Name).toBe(`${procedure.id}-deadlines`);
      const roleId = logicalId(stack, stack.service.schedulerRole);
      const trust = resources[roleId]!.Properties!.AssumeRolePolicyDocument as { Statement: Statement[] };
      expect(trust.Statement).toEqual([
        expect.objectContaining({
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 'aws:SourceArn': { 'Fn::GetAtt': [groupId, 'Arn'] } } },
        }),
      ]);
      const statements = statementsOfRole(resources, roleId);
      const deadlineName = resources[fnId('deadline')]!.Properties!.FunctionName;
      const invoke = statements.filter((s) => asList(s.Action).includes('lambda:InvokeFunction'));
      expect(invoke).toHaveLength(1);
      expect(asList(invoke[0]!.Action)).toEqual(['lambda:InvokeFunction']);
      expect(asList(invoke[0]!.Resource)).toHaveLength(1);
      expect(fakeResolve(asList(invoke[0]!.Resource)[0], resources)).toBe(`arn:aws:lambda:eu-west-1:123456789012:function:${deadlineName}`);
      expect(statements.flatMap((s) => asList(s.Action)).sort()).toEqual(['lambda:InvokeFunction', 'sqs:SendMessage']);
      const send = statements.find((s) => asList(s.Action).includes('sqs:SendMessage'))!;
      expect(send.Resource).toEqual({ 'Fn::GetAtt': [logicalId(stack, stack.service.queues.schedulerDlq), 'Arn'] });
      expect(resources[roleId]!.Properties!.ManagedPolicyArns).toBeUndefined();
    });
  });

  describe('alarms', () => {
    it('watch every queue and every function (and the API’s 5xx), and go to a topic mailed to the administrator', () => {
      const { template, stack } = get();
      const alarms = ofType(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
      const topicRef = { Ref: logicalId(stack, stack.service.alarmTopic) };
      for (const a of alarms) expect(a.AlarmActions).toEqual([topicRef]);
      const queues = ofType(template, 'AWS::SQS::Queue');
      expect(queues).toHaveLength(4);
      for (const [queueId, q] of queues) {
        expect(q.Properties).toMatchObject({ SqsManagedSseEnabled: true });
        expect(alarms).toContainEqual(
          expect.objectContaining({
            MetricName: 'ApproximateNumberOfMessagesVisible',
            Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
            Threshold: 1,
          }),
        );
      }
      for (const [fnId] of ofType(template, 'AWS::Lambda::Function')) {
        expect(alarms).toContainEqual(expect.objectContaining({ MetricName: 'Errors', Namespace: 'AWS/Lambda', Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }] }));
      }
      expect(alarms).toContainEqual(expect.objectContaining({ MetricName: '5xx', Namespace: 'AWS/ApiGateway' }));
      const subs = ofType(template, 'AWS::SNS::Subscription').map(([, s]) => s.Properties!);
      if (procedure.organisation.adminEmail) {
        expect(subs).toEqual([expect.objectContaining({ Protocol: 'email', Endpoint: procedure.organisation.adminEmail, TopicArn: topicRef })]);
      } else {
        expect(subs).toEqual([]);
      }
    });
  });

  describe('IAM', () => {
    const wildcardAction = (a: string) => a === '*' || a.endsWith(':*') || a.includes('*');

    it('no statement allows a * action or a * resource, no role has a managed policy', () => {
      const { template, resources } = get();
      for (const [roleId, role] of ofType(template, 'AWS::IAM::Role')) {
        expect(role.Properties!.ManagedPolicyArns, roleId).toBeUndefined();
        for (const s of statementsOfRole(resources, roleId)) {
          expect(s.Effect).toBe('Allow');
          for (const a of asList(s.Action)) expect(wildcardAction(a), `${roleId}: ${a}`).toBe(false);
          for (const r of asList(s.Resource)) expect(r, `${roleId}: ${JSON.stringify(s)}`).not.toBe('*');
        }
      }
    });

    it.each(FUNCTION_KEYS)('the %s function may do only what its code does, on its own resources', (key) => {
      const { resources, stack, roleId } = get();
      const table = { 'Fn::GetAtt': [logicalId(stack, stack.data.table), 'Arn'] };
      const bucketArn = { 'Fn::GetAtt': [logicalId(stack, stack.data.bucket), 'Arn'] };
      const objects = (prefix: string) => ({ 'Fn::Join': ['', [bucketArn, `/${prefix}*`]] });
      const secret = { Ref: logicalId(stack, stack.data.signingKey) };
      const schedulerRole = { 'Fn::GetAtt': [logicalId(stack, stack.service.schedulerRole), 'Arn'] };
      const statements = statementsOfRole(resources, roleId(key));
      const grant = EXPECTED_ACCESS[key];
      const byAction = new Map<string, unknown[]>();
      for (const s of statements) for (const a of asList(s.Action)) byAction.set(a, [...(byAction.get(a) ?? []), ...asList(s.Resource)]);
      const resolved = (a: string) => (byAction.get(a) ?? []).map((r) => fakeResolve(r, resources));

      // DynamoDB: the table; Query also on the named indexes the function uses, never /index/*.
      const stream = key === 'effects' ? STREAM : [];
      const dynamo = [...byAction.keys()].filter((a) => a.startsWith('dynamodb:') && !stream.includes(a)).sort();
      expect(dynamo, key).toEqual([...new Set(grant.dynamo)].sort());
      for (const a of STREAM) expect(byAction.get(a), `${key} ${a}`).toEqual(stream.length ? [{ 'Fn::GetAtt': [logicalId(stack, stack.data.table), 'StreamArn'] }] : undefined);
      for (const a of dynamo) {
        const rs = byAction.get(a)!;
        const indexes = rs.filter((r) => JSON.stringify(r).includes('/index/'));
        expect(rs.filter((r) => !JSON.stringify(r).includes('/index/')), `${key} ${a}`).toEqual([table]);
        expect(indexes.map((r) => JSON.stringify(r)).sort(), `${key} ${a}`).toEqual(
          (a === 'dynamodb:Query' ? grant.indexes : []).map((i) => JSON.stringify({ 'Fn::Join': ['', [table, `/index/${i}`]] })).sort(),
        );
      }
      // S3: blobs/ for what it does with blobs; inbound/ only for the inbound function; nothing else.
      const s3 = [...byAction.keys()].filter((a) => a.startsWith('s3:')).sort();
      const lists = grant.blobs.includes('s3:GetObject') || grant.blobs.includes('s3:DeleteObject');
      const wantS3 = [...new Set([...grant.blobs, ...(grant.inboundMail ? ['s3:GetObject'] : []), ...(lists ? ['s3:ListBucket'] : [])])].sort();
      expect(s3, key).toEqual(wantS3);
      for (const a of grant.blobs) expect(byAction.get(a), `${key} ${a}`).toContainEqual(objects(BLOB_PREFIX));
      if (grant.inboundMail) expect(byAction.get('s3:GetObject')).toContainEqual(objects(MAIL_PREFIX));
      else for (const r of byAction.get('s3:GetObject') ?? []) expect(r).not.toEqual(objects(MAIL_PREFIX));
      const list = statements.find((s) => asList(s.Action).includes('s3:ListBucket'));
      expect(Boolean(list), key).toBe(lists);
      if (list) {
        expect(list.Resource).toEqual(bucketArn);
        expect(list.Condition).toEqual({ StringLike: { 's3:prefix': [`${BLOB_PREFIX}*`] } });
      }
      // SES: only where the code sends; raw mail from the organisation's domain identity and the configuration set.
      expect([...byAction.keys()].filter((a) => a.startsWith('ses:')), key).toEqual(grant.sendsMail ? ['ses:SendRawEmail'] : []);
      if (grant.sendsMail) {
        expect(resolved('ses:SendRawEmail').sort(), key).toEqual(
          [
            `arn:aws:ses:eu-west-1:123456789012:identity/${stack.settings.mailDomain}`,
            `arn:aws:ses:eu-west-1:123456789012:configuration-set/${logicalId(stack, stack.service.configurationSet).toLowerCase()}`,
          ].sort(),
        );
      }
      // Scheduler: only the calls the function makes, on the group's schedules; PassRole only where it creates them, only for the Scheduler.
      expect([...byAction.keys()].filter((a) => a.startsWith('scheduler:')).sort(), key).toEqual(grant.scheduler);
      for (const a of grant.scheduler) {
        expect(resolved(a), `${key} ${a}`).toEqual([`arn:aws:scheduler:eu-west-1:123456789012:schedule/${procedure.id}-deadlines/*`]);
      }
      const pass = statements.filter((s) => asList(s.Action).includes('iam:PassRole'));
      expect(pass, key).toEqual(
        grant.scheduler.includes('scheduler:CreateSchedule')
          ? [expect.objectContaining({ Resource: schedulerRole, Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } } })]
          : [],
      );
      expect(byAction.get('secretsmanager:GetSecretValue')).toEqual([secret]);
      // Logs: its own log group only.
      expect(byAction.get('logs:PutLogEvents')).toEqual([{ 'Fn::GetAtt': [logicalId(stack, stack.service.functions[key].logGroup as never), 'Arn'] }]);
      // Nothing else: the services above, and SQS only for its own on-failure queue.
      const services = new Set([...byAction.keys()].map((a) => a.split(':')[0]));
      const allowed = new Set(['dynamodb', 's3', 'ses', 'scheduler', 'iam', 'secretsmanager', 'logs', 'sqs']);
      for (const sv of services) expect(allowed.has(sv!), `${key}: ${sv}`).toBe(true);
      const sqs = statements.filter((s) => asList(s.Action).some((a) => a.startsWith('sqs:')));
      const failures = { inbound: stack.service.queues.inboundFailures, deadline: stack.service.queues.deadlineFailures, effects: stack.service.queues.effectsFailures } as const;
      if (key === 'inbound' || key === 'deadline' || key === 'effects') {
        expect(sqs.map((s) => s.Resource)).toEqual([{ 'Fn::GetAtt': [logicalId(stack, failures[key]), 'Arn'] }]);
      } else {
        expect(sqs).toEqual([]);
      }
    });
  });
});

describe('the mirror of the store’s table', () => {
  it('reads keys and indexes from tableDefinition()', () => {
    const shape = tableShape();
    const def = tableDefinition('x');
    expect(shape.partitionKey.name).toBe(def.KeySchema![0]!.AttributeName);
    expect(shape.indexes.map((i) => i.indexName)).toEqual(def.GlobalSecondaryIndexes!.map((g) => g.IndexName));
  });
});

describe('context', () => {
  it('replyDomain, publicUrl and alarmEmail override the defaults', () => {
    const made = makeApp([
      {
        procedure: 'procedures/bureau-mhr.yaml',
        replyDomain: 'antwoord.example.org',
        publicUrl: 'https://klachten.example.org/',
        alarmEmail: 'ops@example.org',
        receiptRuleSet: 'shared-rules',
        signingKeysVersion: '2',
      },
    ]);
    const stack = made.stacks[0]!;
    const template = Template.fromStack(stack);
    for (const [, fn] of ofType(template, 'AWS::Lambda::Function')) {
      const env = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.PUBLIC_URL).toBe('https://klachten.example.org');
      expect(env.REPLY_DOMAIN).toBe('antwoord.example.org');
      expect(env.SIGNING_KEYS_VERSION).toBe('2');
    }
    template.hasResourceProperties('AWS::SES::ReceiptRule', { RuleSetName: 'shared-rules', Rule: { Recipients: ['antwoord.example.org', 'klachtenregeling@bureaumhr.nl'] } });
    expect(ofType(template, 'AWS::SES::ReceiptRuleSet')).toHaveLength(0);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
  }, 60_000);
});
