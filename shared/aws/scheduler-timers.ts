/** EventBridge Scheduler for a function that makes or deletes deadline timers: one client per container and region. */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { createEventBridgeScheduler } from '../deadlines/eventbridge.ts';
import type { AwsConfig, TimersService } from './context.ts';
import { oncePerRegion } from './per-region.ts';

const schedulerClient = oncePerRegion((region) => new SchedulerClient({ region }));

export const schedulerTimers: TimersService = (config: AwsConfig) =>
  createEventBridgeScheduler({
    client: schedulerClient(config.AWS_REGION),
    groupName: config.SCHEDULE_GROUP,
    targetArn: config.DEADLINE_FUNCTION_ARN,
    roleArn: config.SCHEDULER_ROLE_ARN,
    deadLetterArn: config.DEADLINE_DLQ_ARN,
  });
