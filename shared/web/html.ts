import { escapeHtml } from '../presentation/escape.ts';

export { escapeHtml };

/** A tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += toHtml(v) + strings[i + 1]!;
  });
  return new Html(out);
}

function toHtml(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(toHtml).join('');
  if (v === undefined || v === null || v === false) return '';
  return escapeHtml(String(v));
}

export const raw = (s: string) => new Html(s);
