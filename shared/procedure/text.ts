import type { Procedure } from './schema.ts';
import { DEFAULT_TEXTS, type CatalogueText, type TextKey } from './texts.ts';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
/** Each language by its own name, for the language switch. */
export const LANG_NAMES: Record<Lang, string> = DEFAULT_TEXTS['lang.ownName'];
export const otherLang = (lang: Lang): Lang => LANGS.find((l) => l !== lang)!;

/** A text of the procedure (or its default) in a language, with `{placeholders}` filled in. */
export function text(procedure: Procedure, key: TextKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  const t: CatalogueText = procedure.texts[key] ?? DEFAULT_TEXTS[key];
  // The je-form is Dutch only; English has one form of address.
  return fill((lang !== 'en' && procedure.addressForm === 'je' && t.je) || t[lang], vars);
}

/** The text under a key built at run time (`dossier.term.${outcome}`), or `fallback` when there is none. */
export function textOr(procedure: Procedure, key: string, lang: Lang, fallback: string): string {
  return key in DEFAULT_TEXTS ? text(procedure, key as TextKey, lang) : fallback;
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

