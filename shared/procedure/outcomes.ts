/**
 * The outcomes a stage can decide, by default and for mediation. Apart from the schema (schema.ts
 * re-exports them) so the engine can use them without loading zod and the procedure schema in every function.
 */
export const DEFAULT_OUTCOMES = ['gegrond', 'deels-gegrond', 'ongegrond', 'niet-ontvankelijk'] as const;
export const MEDIATION_OUTCOMES = ['opgelost', 'niet-opgelost'] as const;
