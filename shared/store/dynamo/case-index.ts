/** The CaseIndex on the case table: one summary item per case, listed through the status index. */
import type { CaseIndex, SummaryPageQuery } from '../port.ts';
import { ATTR, INDEX, LETTERS_PARTITION } from '../table.ts';
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

    async pageSummaries(query) {
      requireText('status', query.status);
      requireLimit('pageSummaries', query.limit);
      const sk = query.order === 'due' ? ATTR.dueSk : ATTR.receivedSk;
      const names: Record<string, string> = { '#spk': ATTR.statusPk };
      const values: Row = { ':s': statusPartition(query.status) };
      const [range, bounds] = positionRange(query);
      if (range) names['#sk'] = sk;
      Object.assign(values, bounds);
      const items = await table.query(
        { index: query.order === 'due' ? INDEX.status : INDEX.received, condition: `#spk = :s${range}`, names, values, ...(query.before !== undefined ? { newestFirst: true } : {}) },
        query.limit,
      );
      return items.map((item) => ({ summary: summaryItem.fromItem(item), position: item[sk] as string }));
    },

    async countSummaries({ status, exceptConcerned }) {
      requireText('status', status);
      const not = notConcerned(exceptConcerned);
      return table.count({ index: INDEX.status, condition: '#spk = :s', ...not, names: { '#spk': ATTR.statusPk, ...not.names }, values: { ':s': statusPartition(status), ...not.values } });
    },

    async listWithLetters({ limit, exceptConcerned }) {
      requireLimit('listWithLetters', limit);
      const not = notConcerned(exceptConcerned);
      const items = await table.query({ index: INDEX.letters, condition: '#lpk = :l', ...not, names: { '#lpk': ATTR.lettersPk, ...not.names }, values: { ':l': LETTERS_PARTITION, ...not.values } }, limit);
      return items.map(summaryItem.fromItem);
    },
  };
}

/** A query filter that leaves out summaries naming this staff member as concerned (none without one). */
function notConcerned(me: string | undefined): { names: Record<string, string>; values: Row; filter?: string } {
  if (me === undefined) return { names: {}, values: {} };
  return { names: { '#c': 'concerned' }, values: { ':me': me }, filter: 'NOT contains(#c, :me)' };
}

/** The sort-key part of a page's key condition, and its values. */
function positionRange(q: SummaryPageQuery): [string, Row] {
  const set = [q.after, q.before, q.from ?? q.to].filter((x) => x !== undefined).length;
  if (set > 1) throw new Error('pageSummaries: give one of after, before, or from/to');
  if (q.after !== undefined) return [' AND #sk > :a', { ':a': q.after }];
  if (q.before !== undefined) return [' AND #sk < :b', { ':b': q.before }];
  if (q.from !== undefined && q.to !== undefined) return [' AND #sk BETWEEN :f AND :t', { ':f': q.from, ':t': q.to }];
  if (q.from !== undefined) return [' AND #sk >= :f', { ':f': q.from }];
  if (q.to !== undefined) return [' AND #sk <= :t', { ':t': q.to }];
  return ['', {}];
}
