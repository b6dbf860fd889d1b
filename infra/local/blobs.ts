import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { BlobStore } from '../../shared/blobs/port.ts';

/** Blobs as files under a folder, or in memory when there is none (tests). */
export function localBlobStore(dir: string | undefined): BlobStore {
  if (!dir) {
    const memory = new Map<string, Buffer>();
    return {
      put: async (key, body) => void memory.set(key, body),
      get: async (key) => memory.get(key),
      deletePrefix: async (prefix) => {
        for (const k of [...memory.keys()]) if (k.startsWith(prefix)) memory.delete(k);
      },
    };
  }
  const root = resolve(dir);
  // Keys are made by us, but a path must never leave the folder.
  const path = (key: string) => {
    const p = resolve(join(root, key));
    if (!p.startsWith(root + '/')) throw new Error('blob key outside the store');
    return p;
  };
  return {
    async put(key, body) {
      await mkdir(dirname(path(key)), { recursive: true });
      await writeFile(path(key), body);
    },
    async get(key) {
      try {
        return await readFile(path(key));
      } catch {
        return undefined;
      }
    },
    deletePrefix: (prefix) => rm(path(prefix), { recursive: true, force: true }),
  };
}
