/**
 * The cdk-nag (AwsSolutions) findings this stack accepts, each acknowledged on the construct it is
 * about, with the reason. Anything else fails the synth. Ids are `AwsSolutions::<rule>[<finding>]`.
 */
import { Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';
import type { FunctionKey } from './bundle-options.ts';
import type { Stack } from 'aws-cdk-lib';
import type { ServicePart } from './service.ts';
import type { StatefulPart } from './stateful.ts';
import { GRANTS } from './grants.ts';
import { MAIL_PREFIX } from './stateful.ts';
import { BLOB_PREFIX } from '../../shared/aws/bucket-layout.ts';

const ack = (scope: IConstruct, rule: string, reason: string) => Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}`, reason });

/** The stack's two parts (office-stack.ts calls this, so it is not imported here). */
export function acknowledgeFindings(stack: Stack & { data: StatefulPart; service: ServicePart }): void {
  const { data, service } = stack;
  // A finding names the resource as cdk-nag prints it, which depends on whether the stack's region
  // and account are known (`arn:aws:scheduler:eu-west-1:<AWS::AccountId>:…` or `arn:<AWS::Partition>:…`).
  const asNagSees = (arn: string) => flattenCfnReference(stack.resolve(arn));

  ack(
    data.bucket,
    'S1',
    'Server access logging would need a second bucket that itself holds personal data (keys and requesters) and its own retention. ' +
      'This bucket is private (public access blocked, TLS 1.2+ only, bucket-owner-enforced) and only SES (PutObject under inbound/, ' +
      'source account bound) and three function roles (by prefix) can touch it; object-level audit, where needed, is CloudTrail S3 data events.',
  );
  ack(
    data.signingKey,
    'SMG4',
    'The HMAC signing keys are rotated by hand in two steps (add the new key behind the current one, redeploy so every container ' +
      'reloads, then move it to the front; DEPLOYING.md): an automatic rotation cannot know when every warm container has the new key, ' +
      'and rotating in one step would invalidate every status link and reply address in circulation.',
  );
  for (const q of Object.values(service.queues)) {
    ack(q, 'SQS3', 'This queue is itself a dead-letter queue (a Lambda on-failure destination or the EventBridge Scheduler DLQ); a CloudWatch alarm fires on its first visible message.');
  }
  for (const r of service.publicRoutes) {
    ack(
      r,
      'APIG4',
      'A public route for anonymous complainants by design (the form and intake need no account; Awb 9:1). Status pages and their JSON ' +
        'are protected in the function by a signed, unguessable token in the link; the route is throttled.',
    );
  }
  for (const r of service.staffRoutes) {
    ack(
      r,
      'APIG4',
      'Staff routes authenticate in the function: a single-use sign-in link e-mailed to an address on the procedure’s staff list, then a ' +
        'signed session (HttpOnly cookie with CSRF on forms, or bearer). An API Gateway authorizer would duplicate that and not know the staff list.',
    );
  }
  for (const fn of Object.values(service.functions)) {
    ack(
      fn,
      'L1',
      'Node.js 22 is the runtime this code is built (esbuild target node22), tested and measured for; it is in Lambda support until 2027. ' +
        'Moving to a newer Node.js is a deliberate change with a test run, not one the checker should make.',
    );
  }
  for (const key of Object.keys(GRANTS) as FunctionKey[]) {
    if (GRANTS[key].schedules === 'none') continue;
    ack(
      service.roles[key],
      `IAM5[Resource::${asNagSees(service.schedulesArn)}]`,
      'Deadline schedules are created at run time, one per timer, named after the case and the term; the resource is limited to this ' +
        'office’s schedule group, the narrowest ARN for schedules that do not exist yet. Actions are Create/Get/Update/DeleteSchedule at most.',
    );
  }
  for (const key of Object.keys(GRANTS) as FunctionKey[]) {
    if (!GRANTS[key].blobs.length) continue;
    ack(
      service.roles[key],
      `IAM5[Resource::${asNagSees(data.bucket.arnForObjects(`${BLOB_PREFIX}*`))}]`,
      `Case blobs (raw mail kept, attachments) get keys made at run time per case; access is limited to the ${BLOB_PREFIX} prefix and to the actions the function uses (${GRANTS[key].blobs.join(', ')}).`,
    );
  }
  ack(
    service.roles.inbound,
    `IAM5[Resource::${asNagSees(data.bucket.arnForObjects(`${MAIL_PREFIX}*`))}]`,
    `SES stores each received message under ${MAIL_PREFIX}<SES message id>, an id known only at run time; the inbound function may only read that prefix.`,
  );
}
