/**
 * One organisation's complaints office: one stack, named after the procedure's `id`, made of two
 * constructs, the stateful part (table, bucket, signing key: RETAINed) and the stateless part
 * (functions, API, mail, deadlines, queues, alarms).
 *
 * Why one stack with two constructs rather than two stacks: a cross-stack reference becomes a
 * CloudFormation export, which cannot change while it is imported, so the table's or bucket's
 * name would be frozen and replacing either would need a two-step deploy; the office is one
 * unit (one `cdk deploy`, one `cdk destroy`) and the data is already protected by RETAIN,
 * deletion protection and point-in-time recovery. The stateful construct's ids are fixed, so
 * the stateless part can be reshaped freely without touching the data's logical ids.
 */
import { Annotations, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { acknowledgeFindings } from './nag.ts';
import { ServicePart } from './service.ts';
import type { OfficeSettings } from './settings.ts';
import { StatefulPart } from './stateful.ts';

export interface OfficeStackProps extends StackProps {
  settings: OfficeSettings;
}

export class OfficeStack extends Stack {
  readonly settings: OfficeSettings;
  readonly data: StatefulPart;
  readonly service: ServicePart;

  constructor(scope: Construct, props: OfficeStackProps) {
    const { settings, ...stackProps } = props;
    super(scope, settings.stackName, {
      description: `Klachtenloket of ${settings.procedure.organisation.name} (procedure ${settings.orgId}, sha256 ${settings.procedureHash.slice(0, 12)})`,
      ...stackProps,
    });
    this.settings = settings;
    Tags.of(this).add('klachtenloket:organisation', settings.orgId);

    this.data = new StatefulPart(this, 'Data', { retentionDays: settings.retentionDays, inboundMailDays: settings.inboundMailDays });
    this.service = new ServicePart(this, 'Service', { settings, data: this.data });

    if (!settings.alarmEmail) {
      Annotations.of(this).addWarningV2(
        'klachtenloket:no-alarm-email',
        `The procedure has no organisation.adminEmail and no -c alarmEmail=… was given: alarms go to an SNS topic without a subscriber.`,
      );
    }
    acknowledgeFindings(this);
  }
}
