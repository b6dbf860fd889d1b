import { resolve } from 'node:path';
import { jsonLogger } from '../../shared/app/context.ts';
import { startLocalOffice } from './office.ts';

/** `npm start`: the complaints office on this machine, with embedded services and no AWS account. */
// The SDK warns on Node 20 that it will need Node 22 from 2027 (see README); once is enough, in the README.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const procedure = process.env.PROCEDURE ?? 'procedures/hss.yaml';
const office = await startLocalOffice({
  procedurePath: resolve(procedure),
  port: Number(process.env.PORT ?? 3000),
  dataDir: resolve(process.env.DATA_DIR ?? '.data'),
  tickSeconds: 5,
  smtpPort: Number(process.env.SMTP_PORT ?? 2525),
  minFillMs: Number(process.env.FORM_MIN_FILL_MS ?? 3000),
  log: jsonLogger(),
  logRequests: true,
  // Test-only (test/integration/crash-after-answer.test.ts): hold effects to kill the process before them.
  ...(process.env.EFFECTS_DELAY_MS ? { effectsDelayMs: Number(process.env.EFFECTS_DELAY_MS) } : {}),
});
const p = office.ctx.procedure;
console.log(`
Klachtenloket van ${p.organisation.name} (${procedure})
  Klachtformulier:   ${office.url}/
  Lokale postbus:    ${office.url}/_local/mail
  E-mail naar het loket: SMTP op 127.0.0.1:${office.smtpPort}
  Klok van het loket: ${office.clock.now()}  (verzet met POST ${office.url}/_local/clock)
Stoppen: Ctrl-C
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nHet loket stopt…');
    office.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
