/**
 * The import rules of the layers (docs/ARCHITECTURE.md), checked in `npm test` (npm run deps).
 * Dependencies point one way: edges → composition → application → presentation/domain; adapters
 * implement the ports the application names and are the only code that talks to an AWS SDK.
 */
const DOMAIN = '^shared/(calendar|procedure|engine|policy|reports)/';
const ADAPTERS = '^(shared/aws/|shared/store/(dynamo|embedded)|shared/blobs/s3|shared/deadlines/eventbridge|shared/mail/ses-mailer|infra/|bench/|test/|scripts/)';

/** One forbidden import: [name, why, from, to]. Every rule is an error. */
const RULES = [
  ['no-circular', 'No module imports itself, however indirectly.', {}, { circular: true }],
  [
    'domain-is-pure',
    'The domain (procedure, calendar, engine, pure policies and figures) imports nothing above it and no adapter.',
    { path: DOMAIN },
    { path: '^(shared/(app|http|web|presentation|procedure-tools|aws|staff|edge|mail)/|shared/store/(dynamo|embedded)|shared/blobs/s3|shared/deadlines/eventbridge|functions/|infra/)' },
  ],
  [
    'presentation-below-application',
    'Texts, pages and mail composition know nothing of use cases, HTTP or stores.',
    { path: '^shared/(presentation|procedure-tools)/|^shared/mail/(compose|render|login-mail)' },
    { path: '^(shared/(app|http|aws|store|staff)/|functions/|infra/)' },
  ],
  [
    'application-speaks-no-http',
    'Use cases return refusal codes, never HTTP statuses; they import no HTTP, web page or SDK code.',
    { path: '^shared/(app|policy|engine|calendar|procedure)/' },
    { path: '^(shared/(http|web|aws|edge)/|functions/|infra/|node_modules/@aws-sdk/)' },
  ],
  ['sdk-only-in-adapters', 'Only adapters (and tests, benchmarks, scripts) import an AWS SDK client.', { pathNot: ADAPTERS }, { path: '^node_modules/@aws-sdk/' }],
  ['nothing-imports-an-edge', 'Lambda entry points and the local runtime are the top: shared code never imports them.', { path: '^shared/' }, { path: '^(functions|infra)/' }],
];

module.exports = {
  forbidden: RULES.map(([name, comment, from, to]) => ({ name, severity: 'error', comment, from, to })),
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^cdk\\.out/|^\\.data/' },
    tsPreCompilationDeps: true,
  },
};
