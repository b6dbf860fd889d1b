/** EventBridge Scheduler for a function that makes or deletes deadline timers: one client per container and region. */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { createEventBridgeScheduler } from '../deadlines/eventbridge.ts';
import type { AwsConfig, TimersService } from './context.ts';

const clients = new Map<string, SchedulerClient>();

export const schedulerTimers: TimersService = (config: AwsConfig) => {
  let client = clients.get(config.AWS_REGION);
  if (!client) clients.set(config.AWS_REGION, (client = new SchedulerClient({ region: config.AWS_REGION })));
  return createEventBridgeScheduler({
    client,
    groupName: config.SCHEDULE_GROUP,
    targetArn: config.DEADLINE_FUNCTION_ARN,
    roleArn: config.SCHEDULER_ROLE_ARN,
    deadLetterArn: config.DEADLINE_DLQ_ARN,
  });
};
