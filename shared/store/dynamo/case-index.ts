/** The CaseIndex on the case table: one summary item per case, listed through the status index. */
import type { CaseIndex } from '../port.ts';
import { ATTR, INDEX } from '../table.ts';
import { requireLimit, requireText, validateSummary } from './checks.ts';
import { normalizeInstant, statusPartition, summaryItem } from './items.ts';
import type { Row, TableClient } from './table-client.ts';

export function createCaseIndex(table: TableClient): CaseIndex {
  return {
    async putSummary(summary) {
      validateSummary(summary);
      // An older commit's projection, retried late, loses to a newer one (the put's condition fails).
      const newest = summary.seq === undefined ? undefined : { expression: 'attribute_not_exists(#seq) OR #seq <= :seq', names: { '#seq': 'seq' }, values: { ':seq': summary.seq } };
      await table.put(summaryItem.toItem(summary), { caseRef: summary.caseRef, what: 'summary' }, newest);
    },

    async getSummary(caseRef) {
      requireText('caseRef', caseRef);
      const item = await table.get(summaryItem.key(caseRef));
      return item ? summaryItem.fromItem(item) : undefined;
    },

    async listSummaries({ status, limit, dueBefore }) {
      requireText('status', status);
      requireLimit('listSummaries', limit);
      const names: Record<string, string> = { '#spk': ATTR.statusPk };
      const values: Row = { ':s': statusPartition(status) };
      let condition = '#spk = :s';
      if (dueBefore !== undefined) {
        // `<due>#<receivedAt>#<ref>` ≤ `<dueBefore>#~`: due at or before that instant.
        condition += ' AND #dsk <= :due';
        names['#dsk'] = ATTR.dueSk;
        values[':due'] = `${normalizeInstant(dueBefore)}#~`;
      }
      const items = await table.query({ index: INDEX.status, condition, names, values }, limit);
      return items.map(summaryItem.fromItem);
    },
  };
}
