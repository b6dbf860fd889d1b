/**
 * Deadlines: the schedule group EventBridge Scheduler keeps one-time timers in, the role it invokes
 * the deadline function with (and writes its dead letters with), and the sweeper's rules.
 */
import { ArnFormat, Aws, Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export class DeadlinesPart {
  readonly scheduleGroup: scheduler.ScheduleGroup;
  readonly scheduleGroupName: string;
  /** A fixed name, so its ARN is known before it exists: the function's own env and the Scheduler role's policy name it without a reference cycle. */
  readonly functionName: string;
  readonly functionArn: string;
  readonly schedulerRole: iam.Role;
  /** The schedules the functions may manage: every schedule in the office's group. */
  readonly schedulesArn: string;

  constructor(
    private readonly scope: Construct,
    orgId: string,
    /** Where EventBridge Scheduler puts a deadline it could not deliver (DEADLINE_DLQ_ARN). */
    deadLetters: sqs.Queue,
  ) {
    const stack = Stack.of(scope);
    this.scheduleGroupName = `${orgId}-deadlines`;
    this.scheduleGroup = new scheduler.ScheduleGroup(scope, 'Deadlines', { scheduleGroupName: this.scheduleGroupName });
    this.functionName = `${orgId}-deadline`;
    this.functionArn = stack.formatArn({ service: 'lambda', resource: 'function', resourceName: this.functionName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.schedulerRole = new iam.Role(scope, 'SchedulerRole', {
      description: 'EventBridge Scheduler invokes the deadline function with this role',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': this.scheduleGroup.scheduleGroupArn },
        },
      }),
    });
    this.schedulerRole.addToPolicy(new iam.PolicyStatement({ sid: 'InvokeDeadline', actions: ['lambda:InvokeFunction'], resources: [this.functionArn] }));
    this.schedulerRole.addToPolicy(new iam.PolicyStatement({ sid: 'DeadLetter', actions: ['sqs:SendMessage'], resources: [deadLetters.queueArn] }));
    this.schedulesArn = stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${this.scheduleGroupName}/*` });
  }

  /** The sweeper: every five minutes; once a day it also reconciles timers. */
  sweepWith(sweeper: lambda.IFunction): void {
    new events.Rule(this.scope, 'SweepEvery5Minutes', {
      description: 'Carries out effects a crash or an outage left undone',
      schedule: events.Schedule.rate(Duration.minutes(5)),
      targets: [new eventTargets.LambdaFunction(sweeper, { retryAttempts: 0 })],
    });
    new events.Rule(this.scope, 'ReconcileDaily', {
      description: 'Gives every open term its timers back if any were lost (03:30 UTC)',
      schedule: events.Schedule.cron({ minute: '30', hour: '3' }),
      targets: [new eventTargets.LambdaFunction(sweeper, { event: events.RuleTargetInput.fromObject({ reconcile: true }), retryAttempts: 2 })],
    });
  }
}
