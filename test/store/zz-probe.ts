import { startDynalite } from '/work/main/shared/store/embedded.ts';
import { dynamoFixture } from '/work/main/test/store/dynamo-fixture.ts';
import { startDynamoDbLocal } from '/work/main/test/store/dynamodb-local-server.ts';
for (const backend of ['dynalite', 'ddblocal']) {
  const t0 = Date.now();
  const server = backend === 'dynalite' ? await startDynalite() : await startDynamoDbLocal();
  const t1 = Date.now();
  const fx = await dynamoFixture(server.endpoint, server.close);
  const t2 = Date.now();
  const effects = Array.from({ length: 6 }, (_, i) => ({ id: `c:1:${i}`, effect: {}, done: false, attempts: 0 }));
  await fx.store.append({ caseRef: 'c', seq: 1, at: 'x', events: [], effects });
  const before = fx.commandsSent!.length;
  await Promise.all(effects.map((e) => fx.store.settleEffect('c', 1, e.id, { ok: true })));
  const cmds = fx.commandsSent!.slice(before);
  console.log(backend, 'start', t1 - t0, 'ms; ensureTable', t2 - t1, 'ms; updates', cmds.filter((c) => c === 'UpdateItemCommand').length, 'for 6 effects');
  await fx.close();
}
