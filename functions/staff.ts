/**
 * API Gateway HTTP API (payload format 2.0) → the staff side: `/staff*` (the workspace) and
 * `/api/staff*` (its JSON API). The local office routes the same paths to the same handler.
 */
import { createApiFunction } from '../shared/aws/api-function.ts';
import { awsContextFromBundle, lazyContext, type AwsServices } from '../shared/aws/context.ts';
import { s3FilesOnDemand } from '../shared/aws/s3-files-on-demand.ts';
import { schedulerTimers } from '../shared/aws/scheduler-timers.ts';
import { sesMail } from '../shared/aws/ses-mail.ts';
import { createStaffHandler } from '../shared/http/staff-routes.ts';

/** Sign-in links by mail; erasing a case deletes its files and timers; case files (originals, letters) are opened now and then, so S3 loads on first use. */
export const services: AwsServices = { files: s3FilesOnDemand, mail: sesMail, timers: schedulerTimers };

// Created once per container, on the first request (see shared/aws/context.ts).
export const handler = createApiFunction(lazyContext(() => awsContextFromBundle(services)), (ctx) => createStaffHandler(ctx));
