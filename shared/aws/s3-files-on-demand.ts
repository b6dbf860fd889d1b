/**
 * S3, loaded when a function first reads or writes a file: for the functions where that is a rare
 * path (opening a case file, a letter to post, the copy's attachment), the S3 client stays out of
 * the code every cold start parses (`npm run bench:cold`: about a quarter of the SDK's load).
 *
 * In a Lambda bundle it is a file of its own beside index.mjs (S3_FILE, infra/stack/side-files.ts):
 * the bundles define `import.meta.s3File`, a URL made at run time that esbuild does not follow, and
 * the other branch is dropped. From source (tsx, vitest, the local office) it is undefined and
 * ./s3-files.ts is imported.
 */
import type { BlobStore } from '../blobs/port.ts';
import type { AwsConfig, FilesService } from './context.ts';

declare global {
  interface ImportMeta {
    /** Set only in the Lambda bundles: the S3 file, relative to the bundle. */
    readonly s3File?: string;
  }
}

type S3FilesModule = typeof import('./s3-files.ts');

let loading: Promise<S3FilesModule> | undefined;
const load = (): Promise<S3FilesModule> => {
  // One expression on the defined value: esbuild removes the dead branch before it resolves ./s3-files.ts.
  loading ??= (import.meta.s3File ? import(new URL(import.meta.s3File, import.meta.url).href) : import('./s3-files.ts')) as Promise<S3FilesModule>;
  // A failed load is not kept: the next use tries again.
  loading.catch(() => (loading = undefined));
  return loading;
};

/** A BlobStore that loads its S3 store on first use, once. */
function onDemand(store: (m: S3FilesModule) => BlobStore): BlobStore {
  let made: Promise<BlobStore> | undefined;
  const get = () => (made ??= load().then(store, (e: unknown) => {
    made = undefined;
    throw e;
  }));
  return {
    put: async (key, body, contentType) => (await get()).put(key, body, contentType),
    get: async (key) => (await get()).get(key),
    deletePrefix: async (prefix) => (await get()).deletePrefix(prefix),
  };
}

export const s3FilesOnDemand: FilesService = (config: AwsConfig) => ({
  blobs: onDemand((m) => m.s3Files(config).blobs),
  inboundMail: onDemand((m) => m.s3Files(config).inboundMail),
});
