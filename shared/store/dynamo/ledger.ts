/** The Ledger on the case table: one partition per book and year, rows sorted by date. */
import type { Ledger } from '../port.ts';
import { requireText } from './checks.ts';
import { ledgerItem } from './items.ts';
import type { TableClient } from './table-client.ts';

export function createLedger(table: TableClient): Ledger {
  return {
    async putLedger(book, entry) {
      requireText('book', book);
      requireText('entry.id', entry.id);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.on)) throw new Error(`putLedger: entry.on must be a date (YYYY-MM-DD), got ${entry.on}`);
      await table.put(ledgerItem.toItem(book, entry), { caseRef: '-', what: `${book} row` });
    },

    async listLedger(book, year) {
      requireText('book', book);
      if (!/^\d{4}$/.test(year)) throw new Error(`listLedger: year must be YYYY, got ${year}`);
      return (await table.partition(ledgerItem.partition(book, year))).map(ledgerItem.fromItem);
    },
  };
}
