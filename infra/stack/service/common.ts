/**
 * What the service's parts share. The parts add their resources to the service construct's own
 * scope, not to a construct of their own: their logical ids stay those the stack was first
 * deployed with, and several of these resources have fixed names (the deadline function, the
 * schedule group, the configuration set, the receipt rule), which CloudFormation cannot replace
 * under a new logical id without a name clash.
 */
import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export const LOG_RETENTION = logs.RetentionDays.THREE_MONTHS;

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A queue where failed work waits for a person (a dead-letter or on-failure destination). */
export const failureQueue = (scope: Construct, id: string) =>
  new sqs.Queue(scope, id, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
