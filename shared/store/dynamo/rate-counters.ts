/** RateCounters on the case table: one counter item per key and window, counted with one update. */
import type { RateCounters } from '../port.ts';
import { ATTR, ITEM_KIND, KEY_PART, TTL_ATTRIBUTE } from '../table.ts';
import { requireKey } from './checks.ts';
import type { TableClient } from './table-client.ts';

/** Kept a minute past its window, so a clock a little behind still finds the count. */
const GRACE_S = 60;

export function createRateCounters(table: TableClient): RateCounters {
  return {
    countRequest(key, window, limit) {
      requireKey('countRequest', key);
      const item = { [ATTR.pk]: `${KEY_PART.rate}${key}#${window.start}`, [ATTR.sk]: KEY_PART.rateSk };
      // Every request is counted, refused ones too (a client that keeps asking stays over the limit
      // until its window ends); one unconditional update that answers with the new count.
      return table.increment(item, 'count', { type: ITEM_KIND.rate, [TTL_ATTRIBUTE]: Math.ceil(window.end / 1000) + GRACE_S }).then((count) => count <= limit);
    },
  };
}
