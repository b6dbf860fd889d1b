import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInbound } from '../../shared/mail/inbound.ts';

/**
 * The reply-extraction corpus (test/fixtures/mail/corpus and the older fixtures beside it): each
 * message with the text that must survive. Measured as a whole: at least 95 % exact, and no
 * message may lose a line of what its writer wrote.
 */
const ROOT = join(import.meta.dirname, '..', 'fixtures', 'mail');
const DIRS = [join(ROOT, 'corpus'), ROOT];
const OURS = { domains: ['reply.hss.example.nl'] };

/** Trailing whitespace off every line, runs of blank lines as one, trimmed. */
const normalise = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const messages = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => ({ name: `${dir === ROOT ? '' : 'corpus/'}${f.slice(0, -4)}`, eml: join(dir, f), expected: join(dir, `${f.slice(0, -4)}.expected.txt`) })),
);

describe('reply extraction over the corpus', () => {
  it('is exact for at least 95 % of the messages and never loses the writer’s own text', async () => {
    expect(messages.length).toBeGreaterThanOrEqual(21);
    const inexact: string[] = [];
    const lost: string[] = [];
    for (const m of messages) {
      const want = normalise(readFileSync(m.expected, 'utf8'));
      const got = normalise((await parseInbound(readFileSync(m.eml), { to: [] }, OURS)).stripped);
      if (got !== want) inexact.push(m.name);
      const missing = want.split('\n').filter((l) => l.trim() && !got.includes(l.trim()));
      if (missing.length) lost.push(`${m.name}: ${missing[0]!.slice(0, 80)}`);
    }
    const share = (messages.length - inexact.length) / messages.length;
    console.log(`mail corpus: ${messages.length - inexact.length}/${messages.length} exact (${(share * 100).toFixed(1)} %), ${lost.length} with own text lost`);
    if (inexact.length) console.log(`not exact: ${inexact.join(', ')}`);
    expect(lost).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
