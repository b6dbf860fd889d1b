/**
 * The audit CLI:
 *
 *   npm run audit -- verify <export.json>
 *
 * Recomputes the hash chain of a case's audit export (from the staff workspace or
 * `GET /api/staff/cases/{reference}/export`): every commit's hash, every link to the commit before,
 * the head. With the office's keys in `SIGNING_KEYS` ("a:<secret>[,b:<older>]") it also checks the
 * export's signature, which catches a history rewritten with fresh hashes. Exit 0 when it holds,
 * 1 when it does not (naming the first commit that fails), 2 on wrong use.
 */
import { readFileSync } from 'node:fs';
import { verifyExport } from '../shared/policy/audit-chain.ts';
import { createSigner, parseSigningKeys } from '../shared/security/signer.ts';

function main(argv: string[]): number {
  const [command, file] = argv;
  if (command !== 'verify' || !file) {
    process.stderr.write('usage: npm run audit -- verify <export.json>\n');
    return 2;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`${file}: cannot read it as JSON (${e instanceof Error ? e.message : String(e)})\n`);
    return 2;
  }
  const keys = parseSigningKeys(process.env.SIGNING_KEYS);
  const result = verifyExport(parsed, keys.length ? createSigner(keys) : undefined);
  const ref = (parsed as { reference?: unknown }).reference;
  if (!result.ok) {
    process.stdout.write(`BROKEN: ${String(ref)}${result.brokenSeq !== undefined ? `, commit ${result.brokenSeq}` : ''}: ${result.problem}\n`);
    return 1;
  }
  const signature = result.signature === 'valid' ? 'signature valid' : 'signature not checked (set SIGNING_KEYS to check it)';
  process.stdout.write(`OK: ${String(ref)}, ${result.commits} commits, head ${result.head}; ${signature}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
