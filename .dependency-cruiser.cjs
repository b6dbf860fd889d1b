/**
 * The import rules of the layers (docs/ARCHITECTURE.md), checked in `npm test` (npm run deps).
 * Dependencies point one way: edges → composition → application → presentation/domain; adapters
 * implement the ports the application names and are the only code that talks to an AWS SDK.
 */
const DOMAIN = '^shared/(calendar|procedure|engine|policy|reports)/';
const ADAPTERS = '^(shared/aws/|shared/store/(dynamo|embedded)|shared/blobs/s3|shared/deadlines/eventbridge|shared/mail/ses-mailer|infra/|bench/|test/|scripts/)';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No module imports itself, however indirectly.', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'The domain (procedure, calendar, engine, pure policies and figures) imports nothing above it and no adapter.',
      from: { path: DOMAIN },
      to: { path: '^(shared/(app|http|web|presentation|procedure-tools|aws|staff|edge|mail)/|shared/store/(dynamo|embedded)|shared/blobs/s3|shared/deadlines/eventbridge|functions/|infra/)' },
    },
    {
      name: 'presentation-below-application',
      severity: 'error',
      comment: 'Texts, pages and mail composition know nothing of use cases, HTTP or stores.',
      from: { path: '^shared/(presentation|procedure-tools)/|^shared/mail/(compose|render|login-mail)' },
      to: { path: '^(shared/(app|http|aws|store|staff)/|functions/|infra/)' },
    },
    {
      name: 'application-speaks-no-http',
      severity: 'error',
      comment: 'Use cases return refusal codes, never HTTP statuses; they import no HTTP, web page or SDK code.',
      from: { path: '^shared/(app|policy|engine|calendar|procedure)/' },
      to: { path: '^(shared/(http|web|aws|edge)/|functions/|infra/|node_modules/@aws-sdk/)' },
    },
    {
      name: 'sdk-only-in-adapters',
      severity: 'error',
      comment: 'Only adapters (and tests, benchmarks, scripts) import an AWS SDK client.',
      from: { pathNot: ADAPTERS },
      to: { path: '^node_modules/@aws-sdk/' },
    },
    {
      name: 'nothing-imports-an-edge',
      severity: 'error',
      comment: 'Lambda entry points and the local runtime are the top: shared code never imports them.',
      from: { path: '^shared/' },
      to: { path: '^(functions|infra)/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^cdk\\.out/|^\\.data/' },
    tsPreCompilationDeps: true,
  },
};
