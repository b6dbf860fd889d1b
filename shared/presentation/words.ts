import type { Lang } from '../procedure/text.ts';

/**
 * Words of the staff workspace pages, written where they are used in both languages. One helper
 * for them all; texts a complainant reads or an organisation may change live in the catalogue
 * (procedure/texts.ts) instead.
 */
export const words = (lang: Lang, nl: string, en: string): string => (lang === 'nl' ? nl : en);
