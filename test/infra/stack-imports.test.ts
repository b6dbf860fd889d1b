/**
 * The CDK app imports no AWS SDK: synth needs the table's and the bucket's layout, not the clients
 * (which would slow every synth and tie the CDK app to the runtime's dependencies).
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/stack/bundle-options.ts';

/** The project's modules reachable from `entry`, and every import they make. */
async function importGraph(entry: string): Promise<{ modules: string[]; imports: { importer: string; path: string }[] }> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    // Packages stay unresolved: each shows up as an external import of the module that names it.
    packages: 'external',
    logLevel: 'silent',
  });
  const inputs = Object.entries(result.metafile.inputs);
  return { modules: inputs.map(([name]) => name), imports: inputs.flatMap(([importer, input]) => input.imports.map((i) => ({ importer, path: i.path }))) };
}

describe('the CDK app', () => {
  it('imports no @aws-sdk/* module, directly or through shared/', async () => {
    const { modules, imports } = await importGraph('infra/app.ts');
    // The walk reached the stack and the shared modules it needs (so an empty result means something).
    expect(modules).toEqual(expect.arrayContaining(['infra/stack/stateful.ts', 'shared/store/table.ts', 'shared/aws/bucket-layout.ts']));
    expect(imports.filter((i) => i.path.startsWith('@aws-sdk/')).map((i) => `${i.importer} -> ${i.path}`)).toEqual([]);
  }, 30_000);
});
