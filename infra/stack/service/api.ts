/**
 * The HTTP API: the contract's routes (never `/_local/*`) to the public and the staff function,
 * throttled (intake harder), with access logs that name no IP and no case.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { OfficeSettings } from '../settings.ts';
import { LOG_RETENTION } from './common.ts';
import { LIMITS } from '../../../shared/http/limits.ts';
import { STYLESHEET_PATH } from '../../../shared/web/stylesheet.ts';

/** The HTTP contract's deployed routes (never `/_local/*`). */
export const PUBLIC_ROUTES: [apigw.HttpMethod, string][] = [
  [apigw.HttpMethod.GET, '/'],
  [apigw.HttpMethod.POST, '/api/complaints'],
  [apigw.HttpMethod.GET, '/api/form-token'],
  [apigw.HttpMethod.GET, '/regeling'],
  [apigw.HttpMethod.GET, STYLESHEET_PATH],
  [apigw.HttpMethod.GET, '/complaints/{reference}'],
  [apigw.HttpMethod.GET, '/complaints/{reference}/ontvangen'],
  [apigw.HttpMethod.GET, '/api/complaints/{reference}'],
];
export const STAFF_ROUTES: [apigw.HttpMethod, string][] = [
  [apigw.HttpMethod.GET, '/staff'],
  [apigw.HttpMethod.ANY, '/staff/{proxy+}'],
  [apigw.HttpMethod.ANY, '/api/staff/{proxy+}'],
];

export class ApiPart {
  readonly httpApi: apigw.HttpApi;
  stage!: apigw.HttpStage;
  readonly publicRoutes: apigw.HttpRoute[] = [];
  readonly staffRoutes: apigw.HttpRoute[] = [];

  /** The API comes first (the functions' PUBLIC_URL defaults to its endpoint); its routes once the functions exist. */
  constructor(
    private readonly scope: Construct,
    s: OfficeSettings,
  ) {
    this.httpApi = new apigw.HttpApi(scope, 'Api', {
      apiName: `${s.orgId}-klachtenloket`,
      description: `Klachtenloket ${s.procedure.organisation.name}`,
      createDefaultStage: false,
      // CORS off: the form and the workspace are served from the same origin.
    });
  }

  serve(functions: { public: lambda.IFunction; staff: lambda.IFunction }): void {
    const { scope, httpApi } = this;
    const accessLogs = new logs.LogGroup(scope, 'ApiAccessLogs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    this.stage = new apigw.HttpStage(scope, 'Stage', {
      httpApi,
      stageName: '$default',
      autoDeploy: true,
      // Every route (the stage's default); intake harder below. The local office applies the same numbers (shared/http/limits.ts).
      throttle: LIMITS.api,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // The route key, not the path: `/complaints/{reference}` never names a case. No source IP, no user agent.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            route: '$context.routeKey',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const publicIntegration = new HttpLambdaIntegration('PublicIntegration', functions.public);
    const staffIntegration = new HttpLambdaIntegration('StaffIntegration', functions.staff);
    for (const [method, path] of PUBLIC_ROUTES) this.publicRoutes.push(...httpApi.addRoutes({ path, methods: [method], integration: publicIntegration }));
    for (const [method, path] of STAFF_ROUTES) this.staffRoutes.push(...httpApi.addRoutes({ path, methods: [method], integration: staffIntegration }));
    const cfnStage = this.stage.node.defaultChild as apigw.CfnStage;
    cfnStage.routeSettings = {
      // A JSON property: CloudFormation's own (capitalised) names.
      [LIMITS.intake.route]: { ThrottlingRateLimit: LIMITS.intake.rateLimit, ThrottlingBurstLimit: LIMITS.intake.burstLimit },
    };
    // Route settings name a route key: the route must exist before the stage is updated.
    for (const r of [...this.publicRoutes, ...this.staffRoutes]) this.stage.node.addDependency(r);
  }
}
