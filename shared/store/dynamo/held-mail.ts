/**
 * The HeldMailbox on the case table: held mail in one partition, newest first, and for each an
 * entry under its id saying where it is filed, so a staff action reads it by key.
 */
import type { HeldMail, HeldMailbox } from '../port.ts';
import { heldByIdItem, heldItem } from './items.ts';
import type { TableClient } from './table-client.ts';

export function createHeldMailbox(table: TableClient): HeldMailbox {
  const list = async (limit?: number) => (await table.partition(heldItem.partition, { newestFirst: true }, limit)).map(heldItem.fromItem);

  return {
    async hold(entry) {
      // The entry by id first: a held mail is never listed without being findable.
      await table.put(heldByIdItem.toItem(entry), { caseRef: '-', what: 'held mail' });
      await table.put(heldItem.toItem(entry), { caseRef: '-', what: 'held mail' });
    },

    async getHeld(id) {
      const filed = await table.get(heldByIdItem.key(id));
      if (!filed) return legacyFind(id);
      const item = await table.get(heldItem.key({ id, at: heldByIdItem.atOf(filed) }));
      return item ? heldItem.fromItem(item) : undefined;
    },

    listHeld: list,

    async releaseHeld(entry) {
      await table.delete(heldItem.key(entry));
      await table.delete(heldByIdItem.key(entry.id));
    },
  };

  /**
   * Mail held before entries by id were written has none: it is searched for. Held mail is purged
   * after 90 days (HELD_RETENTION_DAYS), so this can go once that long has passed since the upgrade.
   */
  async function legacyFind(id: string): Promise<HeldMail | undefined> {
    return (await list(1000)).find((h) => h.id === id);
  }
}
