/**
 * CaseRemoval on the case table: the deletion mark, deleting a case's partition (releasing the keys
 * still bound to it), and the TTL backstop on all of it.
 */
import type { CaseRemoval } from '../port.ts';
import { ATTR, TTL_ATTRIBUTE } from '../table.ts';
import { requireText } from './checks.ts';
import { casePartition, deletedMarkItem, keyItem, keyRefItem, ttl } from './items.ts';
import { keyOf, type TableClient } from './table-client.ts';

export function createCaseRemoval(table: TableClient): CaseRemoval {
  /** The key items still bound to this case (a key another case won is not ours to touch). */
  const boundToCase = (caseRef: string) => ({ expression: 'attribute_exists(#pk) AND #caseRef = :ref', names: { '#pk': ATTR.pk, '#caseRef': 'caseRef' }, values: { ':ref': caseRef } });

  return {
    async markDeleted(caseRef, at) {
      requireText('caseRef', caseRef);
      await table.put(deletedMarkItem.toItem(caseRef, at), { caseRef, what: 'deletion mark' });
    },

    async deleteCase(caseRef) {
      requireText('caseRef', caseRef);
      const items = await table.partition(casePartition.pk(caseRef), { keysOnly: true });
      // 1. Release claimed keys, but only those still bound to this case.
      for (const item of items.filter(keyRefItem.is)) await table.delete(keyItem.key(keyRefItem.keyOf(item)), boundToCase(caseRef));
      // 2. Commits and back-references; 3. the deletion mark and the summary last, so an interrupted
      // deletion stays unreadable, stays listed (as purged) and is retried.
      const last = (item: (typeof items)[number]) => casePartition.isSummary(item) || deletedMarkItem.is(item);
      await table.batchDelete(items.filter((item) => !last(item)));
      await table.batchDelete(items.filter(last));
    },

    async setExpiry(caseRef, expiresAt) {
      requireText('caseRef', caseRef);
      const set = ttl(expiresAt);
      if (set[TTL_ATTRIBUTE] === undefined) throw new Error(`setExpiry: not an instant: ${expiresAt}`);
      const items = await table.partition(casePartition.pk(caseRef), { keysOnly: true });
      // A condition that fails means the item went meanwhile (deleted, or a key released): nothing to expire.
      for (const item of items) {
        await table.update(keyOf(item), { set }, { expression: 'attribute_exists(#pk)', names: { '#pk': ATTR.pk } });
        if (keyRefItem.is(item)) await table.update(keyItem.key(keyRefItem.keyOf(item)), { set }, boundToCase(caseRef));
      }
    },
  };
}
