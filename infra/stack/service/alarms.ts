/** Alarms: every queue with a message in it, every function error, mail feedback, API 5xx; to a topic mailed to the administrator. */
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { OfficeSettings } from '../settings.ts';

export class AlarmsPart {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly action: cwActions.SnsAction;

  constructor(
    private readonly scope: Construct,
    s: OfficeSettings,
  ) {
    this.topic = new sns.Topic(scope, 'Alarms', { displayName: `${s.orgId}: klachtenloket alarms`, enforceSSL: true });
    if (s.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(s.alarmEmail));
    this.action = new cwActions.SnsAction(this.topic);
  }

  /** An alarm when `metric` reaches `threshold` in one period; it notifies on alarm and on OK. */
  watch(id: string, metric: cloudwatch.IMetric, description: string, threshold = 1): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this.scope, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }
}
