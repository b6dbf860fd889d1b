/**
 * The case table as data: its key and index names, its TTL attribute, and where each kind of item
 * lives. Free of the AWS SDK, so the CDK app (infra/stack/stateful.ts) builds the same table the
 * adapter (shared/store/dynamo/) queries without pulling the SDK into synth.
 *
 * One table, single-table design. Items (pk / sk):
 *   CASE#<ref> / C#<seq, 10 digits>   one commit; events and effects as JSON strings; `ver` guards effect updates.
 *                                      Carries pendingPk/pendingSk (→ gsi1) while any effect is not done.
 *   CASE#<ref> / SUMMARY               the case summary as a JSON string; carries statusPk/dueSk (→ gsi2) and
 *                                      statusPk/receivedSk (→ gsi3), and `concerned` (for counts that leave those cases out);
 *                                      while the case has letters not yet posted, also lettersPk/receivedSk (→ gsi4).
 *   CASE#<ref> / KEYREF#<key>          back-reference to a claimed key, so deleteCase can release it.
 *   CASE#<ref> / C#~DELETED            the deletion mark: written first when a case is purged, so `load` sees it gone at once.
 *   KEY#<key>  / KEY                   a claimed key and the case it is bound to (or a value set once).
 *   LEDGER#<book>#<year> / <date>#<id> a row of an anonymous book (register figures, privacy counters) that outlives cases.
 *   HOLD / <at>#<id>                   a held mail, listed newest first.
 *   HELD#<id> / HELD                   where a held mail is (its `at`), so it is read by its id.
 *   RATE#<key>#<window start> / RATE   a request counter of one rate-limit window; expires by TTL after it.
 *
 * Case items may carry `ttl` (epoch seconds): DynamoDB's Time to Live deletes them by itself once
 * the case's retention has passed, as a backstop to the office's own purge (dynalite ignores it).
 */

/** Attribute names that are part of the table's or an index's key schema. */
export const ATTR = {
  pk: 'pk',
  sk: 'sk',
  pendingPk: 'pendingPk',
  pendingSk: 'pendingSk',
  statusPk: 'statusPk',
  dueSk: 'dueSk',
  receivedSk: 'receivedSk',
  lettersPk: 'lettersPk',
} as const;

/** The Time to Live attribute (epoch seconds) of case items: the table's TTL setting must name it. */
export const TTL_ATTRIBUTE = 'ttl';

/** Global secondary index names. */
export const INDEX = {
  /** Sparse: only commits with effects not done. KEYS_ONLY. */
  pending: 'gsi1',
  /** Only summaries: partition `STATUS#<status>`, sort `<nextDueAt|sentinel>#<receivedAt>#<caseRef>`. ALL. */
  status: 'gsi2',
  /** Only summaries: partition `STATUS#<status>`, sort `<receivedAt>#<caseRef>` (lists by received date; reports by period). ALL. */
  received: 'gsi3',
  /** Sparse: only summaries of cases with letters waiting to be posted; partition `LETTERS`, sort as gsi3. ALL. */
  letters: 'gsi4',
} as const;

/** The single partition of the pending index. */
export const PENDING_PARTITION = 'PENDING';
/** The single partition of the letters index. */
export const LETTERS_PARTITION = 'LETTERS';
/** Sort value for cases without an open term: after every real instant. */
export const NO_DUE_SENTINEL = '9999-12-31T23:59:59.999Z';

/** The `type` attribute of each kind of item. */
export const ITEM_KIND = { commit: 'commit', summary: 'summary', keyRef: 'keyref', key: 'key', deleted: 'deleted', ledger: 'ledger', rate: 'rate' } as const;

/** Partition and sort key parts. */
export const KEY_PART = {
  case: 'CASE#',
  commit: 'C#',
  /** Sorts after every commit (`C#` + 10 digits), so `load`'s one query sees it. */
  deleted: 'C#~DELETED',
  summary: 'SUMMARY',
  keyRef: 'KEYREF#',
  key: 'KEY#',
  keySk: 'KEY',
  ledger: 'LEDGER#',
  status: 'STATUS#',
  /** Mail that could not be matched or trusted waits here for staff, newest first; one small partition. */
  hold: 'HOLD',
  heldById: 'HELD#',
  heldSk: 'HELD',
  rate: 'RATE#',
  rateSk: 'RATE',
} as const;

type AttributeDefinition = { AttributeName: string; AttributeType: 'S' | 'N' | 'B' };
type KeySchemaElement = { AttributeName: string; KeyType: 'HASH' | 'RANGE' };

/** The shape of DynamoDB's CreateTable input this table needs (structurally the SDK's CreateTableCommandInput). */
export interface TableDefinition {
  TableName: string;
  BillingMode: 'PAY_PER_REQUEST';
  AttributeDefinitions: AttributeDefinition[];
  KeySchema: KeySchemaElement[];
  GlobalSecondaryIndexes: { IndexName: string; KeySchema: KeySchemaElement[]; Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' } }[];
}

/** The table as data: PAY_PER_REQUEST, pk/sk, and its GSIs. */
export function tableDefinition(tableName: string): TableDefinition {
  const string = (AttributeName: string): AttributeDefinition => ({ AttributeName, AttributeType: 'S' });
  const keys = (hash: string, range: string): KeySchemaElement[] => [
    { AttributeName: hash, KeyType: 'HASH' },
    { AttributeName: range, KeyType: 'RANGE' },
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: Object.values(ATTR).map(string),
    KeySchema: keys(ATTR.pk, ATTR.sk),
    GlobalSecondaryIndexes: [
      { IndexName: INDEX.pending, KeySchema: keys(ATTR.pendingPk, ATTR.pendingSk), Projection: { ProjectionType: 'KEYS_ONLY' } },
      { IndexName: INDEX.status, KeySchema: keys(ATTR.statusPk, ATTR.dueSk), Projection: { ProjectionType: 'ALL' } },
      { IndexName: INDEX.received, KeySchema: keys(ATTR.statusPk, ATTR.receivedSk), Projection: { ProjectionType: 'ALL' } },
      { IndexName: INDEX.letters, KeySchema: keys(ATTR.lettersPk, ATTR.receivedSk), Projection: { ProjectionType: 'ALL' } },
    ],
  };
}

/**
 * What the effects function's stream filter matches (infra/stack): a new item that is a commit and
 * still has effects to carry out (its pending marker is set). In DynamoDB Streams' JSON shape.
 */
export const NEW_COMMIT_WITH_EFFECTS = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: [ITEM_KIND.commit] }, [ATTR.pendingPk]: { S: [PENDING_PARTITION] } } },
} as const;

/** The case and sequence number of a commit item, from its key (as a stream record carries it); undefined for any other item. */
export function commitOfKey(pk: string, sk: string): { caseRef: string; seq: number } | undefined {
  const seq = /^C#(\d{10})$/.exec(sk)?.[1];
  if (!pk.startsWith(KEY_PART.case) || !seq) return undefined;
  return { caseRef: pk.slice(KEY_PART.case.length), seq: Number(seq) };
}
