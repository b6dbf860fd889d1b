/**
 * API Gateway HTTP API (payload format 2.0) → the public side: the form, intake, the status page.
 * The same handler serves the local office (infra/local/office.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DESIGN_SYSTEM_CSS_FILE } from '../shared/web/stylesheet.ts';
import { REGELING_DIAGRAM_FILE } from '../shared/web/regeling.ts';
import type { AppContext } from '../shared/app/context.ts';
import { createApiFunction } from '../shared/aws/api-function.ts';
import { awsContextFromBundle, lazyContext, type AwsContext, type AwsServices } from '../shared/aws/context.ts';
import { s3FilesOnDemand } from '../shared/aws/s3-files-on-demand.ts';
import { createPublicHandler } from '../shared/http/public-routes.ts';

export const createPublicFunction = (context: () => Promise<AppContext & { aws?: AwsContext['aws'] }>) =>
  createApiFunction(context, (ctx) => createPublicHandler(ctx, { minFillMs: ctx.aws?.config.FORM_MIN_FILL_MS ?? 3000, designSystemCss: bundledCss, regelingDiagram: bundledDiagram }));

/** Files the stack copies next to the bundle (infra/stack/public-assets.ts). */
const bundled = (file: string) => readFileSync(resolve(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), file), 'utf8');
const bundledCss = () => bundled(DESIGN_SYSTEM_CSS_FILE);

/** The procedure diagram, drawn at build time (no Mermaid renderer in the Lambda); read once. Absent: the page goes without it. */
let diagram: { svg?: string } | undefined;
const bundledDiagram = () => {
  if (!diagram) {
    try {
      diagram = { svg: bundled(REGELING_DIAGRAM_FILE) };
    } catch {
      diagram = {};
    }
  }
  return diagram.svg;
};

/** Only the copy's attachments for the person complained about are files (Awb 9:9): S3 loads on first use. No mail or timers: commits' effects are the effects function's. */
export const services: AwsServices = { files: s3FilesOnDemand };

// Created once per container, on the first request (see shared/aws/context.ts: the procedure file
// is read from next to the bundle, the signing keys from Secrets Manager).
export const handler = createPublicFunction(lazyContext(() => awsContextFromBundle(services)));
