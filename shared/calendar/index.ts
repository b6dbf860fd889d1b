export * from './types.ts';
export * from './calendar.ts';
export { HOLIDAYS, HOLIDAY_YEARS } from './holidays.generated.ts';
export { SANE_YEARS, isSaneYear } from './sane-years.ts';
