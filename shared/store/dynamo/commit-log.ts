/** The CommitLog on the case table: commit items, the optimistic lock, and the sparse pending index. */
import { ConflictError } from '../port.ts';
import type { CommitLog } from '../port.ts';
import { ATTR, INDEX, PENDING_PARTITION } from '../table.ts';
import { requireLimit, requireSeq, requireText, validateCommit } from './checks.ts';
import { casePartition, commitItem, deletedMarkItem, num, pendingMarker } from './items.ts';
import { backoff, sleep, type TableClient } from './table-client.ts';

/** A failed attempt's error text is cut to this many characters so retries cannot grow an item unboundedly. */
export const MAX_ERROR_CHARS = 1000;

export function createCommitLog(table: TableClient): CommitLog {
  const settleEffects: CommitLog['settleEffects'] = async (caseRef, seq, outcomes) => {
    requireText('caseRef', caseRef);
    requireSeq(seq);
    if (!outcomes.length) return;
    for (let attempt = 0; ; attempt++) {
      const item = await table.get(commitItem.key(caseRef, seq));
      if (!item) throw new Error(`settleEffect: case ${caseRef} has no commit ${seq}`);
      const commit = commitItem.fromItem(item);
      const ver = num(item, 'ver');
      let changed = false;
      for (const { effectId, outcome } of outcomes) {
        const effect = commit.effects.find((e) => e.id === effectId);
        if (!effect) throw new Error(`settleEffect: commit ${seq} of case ${caseRef} has no effect ${effectId}`);
        if (effect.done || effect.parked) continue; // settled before: harmless
        changed = true;
        effect.attempts += 1;
        if (outcome.ok) effect.done = true;
        else {
          effect.lastError = String(outcome.error).slice(0, MAX_ERROR_CHARS);
          if (outcome.park) effect.parked = true;
        }
      }
      if (!changed) return;
      const pending = pendingMarker(commit);
      const written = await table.update(
        commitItem.key(caseRef, seq),
        { set: { effects: JSON.stringify(commit.effects), ver: ver + 1, ...pending }, ...(Object.keys(pending).length ? {} : { remove: [ATTR.pendingPk, ATTR.pendingSk] }) },
        { expression: '#ver = :ver', names: { '#ver': 'ver' }, values: { ':ver': ver } },
      );
      if (written) return;
      if (attempt >= 20) throw new Error(`settleEffect: gave up on commit ${seq} of ${caseRef} after ${attempt + 1} conflicting updates`);
      await sleep(backoff(attempt));
    }
  };

  return {
    async append(commit) {
      validateCommit(commit);
      const item = commitItem.toItem(commit);
      // Commits are never deleted one by one, so once N-1 is seen it stays (short of deleteCase).
      if (commit.seq > 1 && !(await table.get(commitItem.key(commit.caseRef, commit.seq - 1), [ATTR.pk]))) {
        throw new Error(`case ${commit.caseRef}: cannot append commit ${commit.seq} before commit ${commit.seq - 1} exists`);
      }
      const written = await table.put(item, { caseRef: commit.caseRef, what: `commit ${commit.seq}` }, { expression: 'attribute_not_exists(#pk)', names: { '#pk': ATTR.pk } });
      if (!written) throw new ConflictError(commit.caseRef, commit.seq);
    },

    async load(caseRef, options = {}) {
      requireText('caseRef', caseRef);
      const items = await table.partition(casePartition.pk(caseRef), { prefix: casePartition.commits });
      const deleted = items.some(deletedMarkItem.is);
      if (deleted && !options.includeDeleted) return [];
      return items.filter((item) => !deletedMarkItem.is(item)).map(commitItem.fromItem);
    },

    async pendingCommits(limit) {
      requireLimit('pendingCommits', limit);
      const items = await table.query(
        { index: INDEX.pending, condition: '#ppk = :p', names: { '#ppk': ATTR.pendingPk }, values: { ':p': PENDING_PARTITION } },
        limit,
      );
      return items.map(commitItem.refOf);
    },

    settleEffect: (caseRef, seq, effectId, outcome) => settleEffects(caseRef, seq, [{ effectId, outcome }]),
    settleEffects,
  };
}
