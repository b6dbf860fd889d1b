/** The KeyRegistry on the case table: a key item per key, and a back-reference in the case it is bound to. */
import type { KeyRegistry } from '../port.ts';
import { ATTR } from '../table.ts';
import { requireKey, requireText } from './checks.ts';
import { casePartition, keyItem, keyRefItem } from './items.ts';
import type { TableClient } from './table-client.ts';

export function createKeyRegistry(table: TableClient): KeyRegistry {
  /** Writes a key item unless it exists; true when this call wrote it. */
  const putKeyOnce = (key: string, value: string) =>
    table.put(keyItem.toItem(key, value), { caseRef: '-', what: 'key' }, { expression: 'attribute_not_exists(#pk)', names: { '#pk': ATTR.pk } });

  return {
    async claimKey(key, caseRef, options = {}) {
      requireText('caseRef', caseRef);
      requireKey('claimKey', key);
      // The back-reference goes first: if we stop between the two writes, deleteCase still finds the
      // key. Or the caller writes it with the case's first commit's effects (intake's short path).
      const backReference = options.backReference ?? true;
      if (backReference) await table.put(keyRefItem.toItem(caseRef, key), { caseRef, what: 'key reference' });
      for (let attempt = 0; ; attempt++) {
        if (await putKeyOnce(key, caseRef)) return { caseRef, fresh: true };
        const owner = keyItem.valueOf(await table.get(keyItem.key(key)));
        if (owner !== undefined) {
          // The key belongs to another case: our back-reference is stale.
          if (owner !== caseRef && backReference) await table.delete(keyRefItem.key(caseRef, key));
          return { caseRef: owner, fresh: false };
        }
        // Released (its case was deleted) between our put and our read: try again.
        if (attempt >= 5) throw new Error(`claimKey: key ${key} keeps changing owner`);
      }
    },

    async addKeyReference(caseRef, key) {
      requireText('caseRef', caseRef);
      requireKey('addKeyReference', key);
      await table.put(keyRefItem.toItem(caseRef, key), { caseRef, what: 'key reference' });
    },

    async releaseKey(key, caseRef) {
      requireText('caseRef', caseRef);
      requireKey('releaseKey', key);
      await table.delete(keyItem.key(key), { expression: '#caseRef = :ref', names: { '#caseRef': 'caseRef' }, values: { ':ref': caseRef } });
      await table.delete(keyRefItem.key(caseRef, key));
    },

    async readKey(key) {
      requireText('key', key);
      return keyItem.valueOf(await table.get(keyItem.key(key)));
    },

    async setOnce(key, value) {
      requireText('value', value);
      requireKey('setOnce', key);
      if (await putKeyOnce(key, value)) return value;
      return keyItem.valueOf(await table.get(keyItem.key(key))) ?? value;
    },

    async caseKeys(caseRef) {
      requireText('caseRef', caseRef);
      const items = await table.partition(casePartition.pk(caseRef), { prefix: casePartition.keyRefs });
      return items.map(keyRefItem.keyOf);
    },
  };
}
