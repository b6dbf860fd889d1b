/**
 * Building the CDK app: the office stack for a procedure file and cdk-nag's AwsSolutions checks.
 * Used by infra/app.ts (the `cdk` entry point) and by the infra tests (in-process synth).
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { OfficeStack } from './office-stack.ts';
import { CONTEXT_KEYS, resolveSettings, type OfficeContext } from './settings.ts';

/** The office's context keys as given to the app (`-c key=value`, cdk.json or `new App({context})`). */
export function contextOf(app: App): OfficeContext {
  const context: OfficeContext = {};
  for (const key of CONTEXT_KEYS) {
    const value: unknown = app.node.tryGetContext(key);
    if (value !== undefined && value !== null) context[key] = String(value);
  }
  return context;
}

/** Adds one organisation's stack; the account and region come from the CLI's environment when known. */
export function addOffice(app: App, context: OfficeContext, env: NodeJS.ProcessEnv = process.env): OfficeStack {
  const settings = resolveSettings(context);
  const account = env.CDK_DEFAULT_ACCOUNT;
  const region = env.CDK_DEFAULT_REGION;
  return new OfficeStack(app, {
    settings,
    ...(account || region ? { env: { ...(account ? { account } : {}), ...(region ? { region } : {}) } } : {}),
  });
}

/** cdk-nag's AwsSolutions pack: every finding fails the synth unless acknowledged with a reason (infra/stack/nag.ts). */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

export function buildApp(app: App = new App()): { app: App; stack: OfficeStack } {
  const stack = addOffice(app, contextOf(app));
  addNagChecks(app);
  return { app, stack };
}
