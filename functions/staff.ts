/**
 * API Gateway HTTP API (payload format 2.0) → the staff side: `/staff*` (the workspace) and
 * `/api/staff*` (its JSON API). The local office routes the same paths to the same handler.
 */
import { createApiFunction } from '../shared/aws/api-function.ts';
import { awsContextFromBundle, lazyContext } from '../shared/aws/context.ts';
import { createStaffHandler } from '../shared/http/staff-routes.ts';

// Created once per container, on the first request (see shared/aws/context.ts).
export const handler = createApiFunction(lazyContext(() => awsContextFromBundle()), (ctx) => createStaffHandler(ctx));
