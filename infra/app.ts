/**
 * The CDK app: one stack per organisation, made from its procedure file.
 *
 *   npx cdk deploy -c procedure=procedures/hss.yaml [-c replyDomain=… -c publicUrl=… -c alarmEmail=… -c receiptRuleSet=…]
 *
 * cdk-nag's AwsSolutions checks run on every synth: a finding without a written reason
 * (infra/stack/nag.ts) fails it.
 */
import { buildApp } from './stack/build-app.ts';

buildApp().app.synth();
