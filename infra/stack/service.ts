/**
 * The stateless part of an office: everything that can be replaced by a redeploy. Made of parts,
 * one per job (infra/stack/service/): deadlines (schedule group, Scheduler role, sweeper rules),
 * mail (sending identity, configuration set, receipt rule), the functions (one per job, each with
 * its own narrow role), the HTTP API, and the alarms; plus the queues failed work lands in and the
 * outputs an administrator needs. The parts add their resources to this construct's scope (see
 * service/common.ts for why).
 */
import { Aws, CfnOutput, Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionKey } from './bundle-options.ts';
import type { OfficeSettings } from './settings.ts';
import { MAIL_PREFIX, type StatefulPart } from './stateful.ts';
import { AlarmsPart } from './service/alarms.ts';
import { ApiPart } from './service/api.ts';
import { cap, failureQueue } from './service/common.ts';
import { DeadlinesPart } from './service/deadlines.ts';
import { FunctionsPart } from './service/functions.ts';
import { MailPart } from './service/mail.ts';
import { COMPILED_PROCEDURE_FILE } from '../../shared/procedure/compiled.ts';

export interface ServicePartProps {
  settings: OfficeSettings;
  data: StatefulPart;
}

export class ServicePart extends Construct {
  readonly functions: Record<FunctionKey, NodejsFunction>;
  readonly roles: Record<FunctionKey, iam.Role>;
  readonly schedulerRole: iam.Role;
  readonly queues: { schedulerDlq: sqs.Queue; inboundFailures: sqs.Queue; deadlineFailures: sqs.Queue; effectsFailures: sqs.Queue };
  readonly alarmTopic: sns.Topic;
  readonly mailFeedbackTopic: sns.Topic;
  readonly configurationSet: ses.ConfigurationSet;
  /** The schedules the functions may manage: every schedule in the office's group. */
  readonly schedulesArn: string;
  readonly publicRoutes: apigw.HttpRoute[];
  readonly staffRoutes: apigw.HttpRoute[];

  constructor(scope: Construct, id: string, props: ServicePartProps) {
    super(scope, id);
    const { settings: s, data } = props;

    // Where failed work waits for a person.
    this.queues = {
      // EventBridge Scheduler could not deliver a deadline (DEADLINE_DLQ_ARN).
      schedulerDlq: failureQueue(this, 'DeadlineSchedulerDlq'),
      // Invocations that still failed after Lambda's retries (on-failure destinations).
      inboundFailures: failureQueue(this, 'InboundMailFailures'),
      deadlineFailures: failureQueue(this, 'DeadlineFailures'),
      // Stream records of commits the effects function could not handle after its retries (the sweeper still finishes their effects).
      effectsFailures: failureQueue(this, 'EffectsFailures'),
    };
    const deadlines = new DeadlinesPart(this, s.orgId, this.queues.schedulerDlq);
    const mail = new MailPart(this, s);
    const api = new ApiPart(this, s);
    const publicUrl = s.publicUrl ?? api.httpApi.apiEndpoint;

    const { functions, roles } = new FunctionsPart(this, {
      settings: s,
      data,
      environment: {
        TABLE_NAME: data.table.tableName,
        BUCKET: data.bucket.bucketName,
        MAIL_PREFIX,
        PUBLIC_URL: publicUrl,
        REPLY_DOMAIN: s.replyDomain,
        SES_CONFIGURATION_SET: mail.configurationSet.configurationSetName,
        SCHEDULE_GROUP: deadlines.scheduleGroupName,
        DEADLINE_FUNCTION_ARN: deadlines.functionArn,
        SCHEDULER_ROLE_ARN: deadlines.schedulerRole.roleArn,
        DEADLINE_DLQ_ARN: this.queues.schedulerDlq.queueArn,
        SIGNING_KEY_SECRET_ARN: data.signingKey.secretArn,
        PROCEDURE_FILE: COMPILED_PROCEDURE_FILE,
        // Stack traces through the bundles' external .map files (NodejsFunction does not set this itself).
        NODE_OPTIONS: '--enable-source-maps',
        // Not read by the code: changing it makes Lambda start fresh containers (key rotation).
        ...(s.signingKeysVersion ? { SIGNING_KEYS_VERSION: s.signingKeysVersion } : {}),
      },
      mail,
      deadlines,
      failures: { inbound: this.queues.inboundFailures, deadline: this.queues.deadlineFailures, effects: this.queues.effectsFailures },
    });
    api.serve(functions);
    mail.receiveInto(data.bucket, functions.inbound);
    deadlines.sweepWith(functions.sweeper);

    const alarms = new AlarmsPart(this, s);
    const period = Duration.minutes(5);
    for (const [qid, q] of Object.entries(this.queues)) {
      alarms.watch(`${cap(qid)}Alarm`, q.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }), `Messages waiting in ${qid}: work that failed and needs a look`);
    }
    for (const key of Object.keys(functions) as FunctionKey[]) {
      alarms.watch(`${cap(key)}ErrorsAlarm`, functions[key].metricErrors({ period, statistic: 'Sum' }), `The ${key} function failed`);
    }
    alarms.watch(
      'MailFeedbackAlarm',
      mail.feedbackTopic.metricNumberOfMessagesPublished({ period, statistic: 'Sum' }),
      'SES reported a bounce, complaint, reject or rendering failure (see the SES console / suppression list)',
    );
    // Effects falling behind the commits (mail and timers late): the stream's oldest record is older than five minutes.
    alarms.watch(
      'EffectsIteratorAgeAlarm',
      functions.effects.metric('IteratorAge', { period, statistic: 'Maximum' }),
      'The effects function is more than five minutes behind the table’s stream: mail and timers are late',
      5 * 60_000,
    );
    // The public function turns its errors into a 500 without failing: count them at the API.
    alarms.watch('ApiServerErrorsAlarm', api.httpApi.metricServerError({ period, statistic: 'Sum' }), 'The HTTP API answered 5xx', 3);

    this.functions = functions;
    this.roles = roles;
    this.publicRoutes = api.publicRoutes;
    this.staffRoutes = api.staffRoutes;
    this.schedulerRole = deadlines.schedulerRole;
    this.schedulesArn = deadlines.schedulesArn;
    this.mailFeedbackTopic = mail.feedbackTopic;
    this.configurationSet = mail.configurationSet;
    this.alarmTopic = alarms.topic;

    // ── What an administrator needs after the deploy ─────────────────────────────────────────────
    const dkim = (identity: ses.EmailIdentity | undefined, prefix: string, domain: string): [string, string, string][] =>
      (identity?.dkimRecords ?? []).map((r, i) => [`${prefix}${i + 1}`, `${r.name} CNAME ${r.value}`, `DKIM record ${i + 1} for ${domain}`]);
    const outputs: [id: string, value: string, description: string][] = [
      ['ApiUrl', api.httpApi.apiEndpoint, 'The HTTP API endpoint'],
      ['PublicUrl', publicUrl, 'PUBLIC_URL (status links, staff sign-in links)'],
      ['ReplyDomainMx', `${s.replyDomain} MX 10 inbound-smtp.${Aws.REGION}.amazonaws.com`, 'The MX record to publish for the reply domain'],
      ...dkim(mail.sendingIdentity, 'DkimRecord', s.mailDomain),
      ...dkim(mail.replyIdentity, 'ReplyDkimRecord', s.replyDomain),
      ...(s.receiptRuleSetName
        ? []
        : [['ActivateReceiptRules', `aws ses set-active-receipt-rule-set --rule-set-name ${s.orgId}-inbound --region ${Aws.REGION}`, 'Run once: only one receipt rule set is active per region (see DEPLOYING.md)'] as [string, string, string]]),
      ['SigningKeySecret', data.signingKey.secretArn, 'The signing keys (Secrets Manager; the value never leaves it)'],
      ['TableName', data.table.tableName, 'The case table (retained on cdk destroy)'],
      ['BucketName', data.bucket.bucketName, 'Inbound mail and case blobs (retained on cdk destroy)'],
      ['AlarmTopic', alarms.topic.topicArn, s.alarmEmail ? `Alarms mailed to ${s.alarmEmail}` : 'Alarms: no e-mail set, subscribe to this topic'],
    ];
    for (const [outputId, value, description] of outputs) new CfnOutput(this, outputId, { value, description });
  }
}
