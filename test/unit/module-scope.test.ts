/**
 * Cold start: loading a function (its module scope) does nothing that can wait for the first
 * invocation. Each function's entry is imported afresh, with the costly constructors watched.
 * (`npm run bench:cold` measures the load itself; this keeps the causes it found from coming back.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const ENTRIES = ['public', 'staff', 'inbound-mail', 'deadline', 'sweeper', 'effects'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('module scope of every function', () => {
  it.each(ENTRIES)('%s: no Intl date formatter made at load (the first one loads ICU locale data, ≈ 10 ms)', async (entry) => {
    vi.resetModules();
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    await import(`../../functions/${entry}.ts`);
    expect(made).not.toHaveBeenCalled();
  });
});
