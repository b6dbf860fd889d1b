/**
 * Mail: out, the sending identity and the configuration set whose bounce and complaint events go
 * to a topic; in, the receipt rule for the reply domain (S3 first, then the inbound function).
 */
import { Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sesActions from 'aws-cdk-lib/aws-ses-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { OfficeSettings } from '../settings.ts';
import { MAIL_PREFIX } from '../stateful.ts';

export class MailPart {
  readonly feedbackTopic: sns.Topic;
  readonly configurationSet: ses.ConfigurationSet;
  readonly sendingIdentity: ses.EmailIdentity;
  /** SES receives only for verified domains: the reply domain is its own identity unless it is the mail domain. */
  readonly replyIdentity: ses.EmailIdentity | undefined;
  /** What the functions may send with. */
  readonly identityArn: string;
  readonly configurationSetArn: string;
  receiptRule!: ses.ReceiptRule;

  constructor(
    private readonly scope: Construct,
    private readonly s: OfficeSettings,
  ) {
    const stack = Stack.of(scope);
    this.feedbackTopic = new sns.Topic(scope, 'MailFeedback', { displayName: `${s.orgId}: SES bounces and complaints`, enforceSSL: true });
    this.configurationSet = new ses.ConfigurationSet(scope, 'MailConfig', {
      configurationSetName: `${s.orgId}-mail`,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('Feedback', {
      destination: ses.EventDestination.snsTopic(this.feedbackTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.REJECT, ses.EmailSendingEvent.RENDERING_FAILURE],
    });
    this.sendingIdentity = new ses.EmailIdentity(scope, 'SendingIdentity', {
      identity: ses.Identity.domain(s.mailDomain),
      configurationSet: this.configurationSet,
      dkimSigning: true,
    });
    this.replyIdentity =
      s.replyDomain === s.mailDomain ? undefined : new ses.EmailIdentity(scope, 'ReplyIdentity', { identity: ses.Identity.domain(s.replyDomain), dkimSigning: true });
    this.identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: s.mailDomain });
    this.configurationSetArn = stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName });
  }

  /** Mail in: the receipt rule (in the given rule set, or the office's own) stores to `bucket`, then invokes `inbound`. */
  receiveInto(bucket: s3.IBucket, inbound: lambda.IFunction): void {
    const { s, scope } = this;
    const ruleSet = s.receiptRuleSetName
      ? ses.ReceiptRuleSet.fromReceiptRuleSetName(scope, 'InboundRules', s.receiptRuleSetName)
      : new ses.ReceiptRuleSet(scope, 'InboundRules', { receiptRuleSetName: `${s.orgId}-inbound` });
    this.receiptRule = new ses.ReceiptRule(scope, 'InboundRule', {
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
        new sesActions.S3({ bucket, objectKeyPrefix: MAIL_PREFIX }),
        new sesActions.Lambda({ function: inbound, invocationType: sesActions.LambdaInvocationType.EVENT }),
      ],
    });
    if (this.replyIdentity) this.receiptRule.node.addDependency(this.replyIdentity);
  }
}
