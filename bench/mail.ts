/**
 * Inbound mail: parse + text extraction + reply extraction (`parseInbound`) over the fixture corpus,
 * then adversarial messages that would make careless regular expressions or a recursive HTML walk
 * take seconds or crash.
 *
 *   npm run bench:mail                 # 5 runs over the corpus
 *   BENCH_RUNS=10 npm run bench:mail
 *
 * Reports messages per second per run (median over runs), and the median and p99 time per message
 * over all runs; each adversarial message once, with its time and, for comparison, the time of
 * postal-mime alone on it. Exits 1 if any message takes 1 s or more.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PostalMime from 'postal-mime';
import { parseInbound } from '../shared/mail/inbound.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
if (!Number.isSafeInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a positive integer, got ${process.env.BENCH_RUNS}`);
const ROOT = fileURLToPath(new URL('../test/fixtures/mail/', import.meta.url));
const OURS = { domains: ['reply.hss.example.nl'] };
const LIMIT_MS = 1000;

const corpus = [join(ROOT, 'corpus'), ROOT].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => readFileSync(join(dir, f))),
);

const head = (type: string) => `From: Bench <b@example.org>\r\nTo: klachten@hss.example.nl\r\nSubject: bench\r\nMIME-Version: 1.0\r\nContent-Type: ${type}\r\n\r\n`;
const plain = (body: string) => Buffer.from(head('text/plain; charset=utf-8') + body);
const html = (body: string) => Buffer.from(head('text/html; charset=utf-8') + body);
const MB = 1024 * 1024;
const adversarial: [string, Buffer][] = [
  ['1 MB of ">" on one line', plain('Tekst.\r\n' + '>'.repeat(MB))],
  ['1 MB of "> " quote lines', plain('Tekst.\r\n' + '> \r\n'.repeat(MB / 4))],
  ['1 MB of ">" nested quote markers, 1000 a line', plain('Tekst.\r\n' + ('>'.repeat(998) + '\r\n').repeat(MB / 1000))],
  ['10,000 nested blockquotes (type=cite)', html('<p>Tekst.</p>' + '<blockquote type="cite">'.repeat(10_000) + 'oud' + '</blockquote>'.repeat(10_000))],
  ['10,000 nested plain blockquotes', html('<p>Tekst.</p>' + '<blockquote>'.repeat(10_000) + 'oud' + '</blockquote>'.repeat(10_000))],
  ['one 5 MB line', plain('a'.repeat(5 * MB))],
  ['one 5 MB line of dashes', plain('-'.repeat(5 * MB))],
  ['one 5 MB line "Op … schreef" ending in a colon', plain('Op ' + 'x '.repeat((5 * MB) / 2) + 'schreef:\r\n> oud')],
  ['one 5 MB line of ": "', plain(': '.repeat((5 * MB) / 2))],
  ['50,000 nested divs', html('<div>'.repeat(50_000) + 'Tekst.' + '</div>'.repeat(50_000))],
  ['20,000 attribution-like lines', plain('Op 1 dec 2025 om 10:15 schreef x@example.nl:\r\n'.repeat(20_000))],
  ['20,000 header-like lines', plain('Van: x\r\nAan: y\r\n'.repeat(10_000))],
];

const time = async (raw: Buffer) => {
  const t0 = performance.now();
  await parseInbound(raw, { to: [] }, OURS);
  return performance.now() - t0;
};
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

for (const raw of corpus) await time(raw); // warm-up: JIT and lazy module loading
const perMessage: number[] = [];
const rates: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  for (const raw of corpus) perMessage.push(await time(raw));
  rates.push(corpus.length / ((performance.now() - t0) / 1000));
}
perMessage.sort((a, b) => a - b);
rates.sort((a, b) => a - b);
console.log(`corpus: ${corpus.length} messages × ${RUNS} runs`);
console.log(`  messages/s (median of runs): ${quantile(rates, 0.5).toFixed(0)}  (runs: ${rates.map((r) => r.toFixed(0)).join(', ')})`);
console.log(`  per message: median ${ms(quantile(perMessage, 0.5))}, p99 ${ms(quantile(perMessage, 0.99))}, max ${ms(perMessage.at(-1)!)}`);

let slow = perMessage.at(-1)! >= LIMIT_MS;
console.log('adversarial:');
for (const [name, raw] of adversarial) {
  let took: number;
  try {
    took = await time(raw);
  } catch (e) {
    console.log(`  ${name}: FAILED (${e instanceof Error ? e.message.slice(0, 80) : 'error'})`);
    slow = true;
    continue;
  }
  // The same message through postal-mime alone: what of the time is MIME parsing rather than extraction.
  const t0 = performance.now();
  await PostalMime.parse(raw, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  const parsing = performance.now() - t0;
  console.log(`  ${name.padEnd(50)} ${ms(took).padStart(11)}  (postal-mime alone ${ms(parsing)})${took >= LIMIT_MS ? '  TOO SLOW' : ''}`);
  slow ||= took >= LIMIT_MS;
}
if (slow) {
  console.log(`some message took ${LIMIT_MS} ms or more, or failed`);
  process.exitCode = 1;
}
