/**
 * The procedure as the functions receive it: parsed and validated at build time (synth or bundling,
 * see infra/stack/bundle-options.ts) and shipped next to the bundle as JSON. Reading it at cold start
 * is a JSON.parse: no YAML parser and no schema are loaded in a function (this module imports types only).
 */
import type { LoadedProcedure } from './load.ts';
import type { Procedure } from './schema.ts';

/** The file next to each bundle. */
export const COMPILED_PROCEDURE_FILE = 'procedure.json';

/** Bumped when the shape changes, so a function never runs a procedure compiled for another version. */
const FORMAT = 1;

export function serializeProcedure({ procedure, hash }: LoadedProcedure): string {
  return JSON.stringify({ format: FORMAT, hash, procedure });
}

/** Trusts the content (it was validated when it was compiled) but not the file: a wrong or old file is refused by name. */
export function readCompiledProcedure(text: string, file = COMPILED_PROCEDURE_FILE): LoadedProcedure {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON: it should be the compiled procedure (infra/stack/bundle-options.ts writes it)`);
  }
  const v = value as { format?: unknown; hash?: unknown; procedure?: unknown };
  if (v?.format !== FORMAT || typeof v.hash !== 'string' || typeof v.procedure !== 'object' || v.procedure === null) {
    throw new Error(`${file} is not a compiled procedure of format ${FORMAT}: rebuild the functions`);
  }
  return { hash: v.hash, procedure: v.procedure as Procedure };
}
