/** The HeldMailbox on the case table: held mail in one partition, newest first. */
import type { HeldMailbox } from '../port.ts';
import { heldItem } from './items.ts';
import type { TableClient } from './table-client.ts';

export function createHeldMailbox(table: TableClient): HeldMailbox {
  return {
    async hold(entry) {
      await table.put(heldItem.toItem(entry), { caseRef: '-', what: 'held mail' });
    },

    async listHeld(limit) {
      return (await table.partition(heldItem.partition, { newestFirst: true }, limit)).map(heldItem.fromItem);
    },

    async releaseHeld(entry) {
      await table.delete(heldItem.key(entry));
    },
  };
}
