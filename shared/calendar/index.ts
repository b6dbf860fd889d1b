export * from './types.ts';
export * from './calendar.ts';
export { HOLIDAYS, HOLIDAY_YEARS } from './holidays.generated.ts';
