import { REFERENCE_PATTERN } from '../policy/reference.ts';

/** What a `:name` segment of a route's path accepts; a path whose segment does not fit is no match. */
const PARAMS: Record<string, RegExp> = {
  ref: REFERENCE_PATTERN,
  id: /^[a-f0-9]{32}$/,
  period: /^[^/]+$/,
  /** A case's letter by post, and its PDF. */
  letter: /^L\d{1,4}$/,
  pdf: /^L\d{1,4}\.pdf$/,
};

/** Matches `/cases/:ref/actions` against a path; the parameters, or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    const g = got[i]!;
    if (w.startsWith(':')) {
      const name = w.slice(1);
      if (!PARAMS[name]!.test(g)) return undefined;
      params[name] = g;
    } else if (w !== g) return undefined;
  }
  return params;
}
