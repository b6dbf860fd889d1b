/**
 * The HeldMailbox on the case table: held mail in one partition, newest first, and for each an
 * entry under its id saying where it is filed, so a staff action reads it by key.
 */
import type { HeldMail, HeldMailbox } from '../port.ts';
import { ATTR } from '../table.ts';
import { heldByIdItem, heldItem } from './items.ts';
import type { TableClient } from './table-client.ts';

const LABEL = { caseRef: '-', what: 'held mail' };

export function createHeldMailbox(table: TableClient): HeldMailbox {
  const list = async (limit?: number) => (await table.partition(heldItem.partition, { newestFirst: true }, limit)).map(heldItem.fromItem);

  return {
    async hold(entry) {
      // The entry by id first, and only once: a redelivery adds nothing, and a held mail is never
      // listed without being findable. A listing lost to a crash between the two is written again.
      const first = await table.put(heldByIdItem.toItem(entry), LABEL, { expression: 'attribute_not_exists(#pk)', names: { '#pk': ATTR.pk } });
      const at = first ? entry.at : heldByIdItem.atOf((await table.get(heldByIdItem.key(entry.id)))!);
      if (!first && (await table.get(heldItem.key({ id: entry.id, at })))) return false;
      await table.put(heldItem.toItem({ ...entry, at }), LABEL);
      return first;
    },

    async getHeld(id) {
      const filed = await table.get(heldByIdItem.key(id));
      if (!filed) return legacyFind(id);
      const item = await table.get(heldItem.key({ id, at: heldByIdItem.atOf(filed) }));
      return item ? heldItem.fromItem(item) : undefined;
    },

    listHeld: list,

    async pageHeld({ limit, after, oldestFirst }) {
      const cursor = after ? Buffer.from(after, 'base64url').toString() : undefined;
      const items = await table.query(
        {
          condition: `#pk = :pk${cursor ? ` AND #sk ${oldestFirst ? '>' : '<'} :after` : ''}`,
          names: { '#pk': ATTR.pk, ...(cursor ? { '#sk': ATTR.sk } : {}) },
          values: { ':pk': heldItem.partition, ...(cursor ? { ':after': cursor } : {}) },
          newestFirst: !oldestFirst,
          consistent: true,
        },
        limit,
      );
      const last = items.length === limit ? items[items.length - 1] : undefined;
      return { items: items.map(heldItem.fromItem), ...(last ? { next: Buffer.from(String(last[ATTR.sk])).toString('base64url') } : {}) };
    },

    async markHeldSeen(entries) {
      for (const h of entries) if (!h.seen) await table.put(heldItem.toItem({ ...h, seen: true }), LABEL);
    },

    async countUnseenHeld() {
      return (await list()).filter((h) => !h.seen).length;
    },

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
