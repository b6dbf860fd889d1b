/**
 * The years a date given to the office may name: an event, a register or a report. Outside them
 * a date is a typing error or an attack (year 0000 sent term arithmetic into long loops).
 */
export const SANE_YEARS = { from: 1900, to: 2100 } as const;

export const isSaneYear = (year: number) => Number.isInteger(year) && year >= SANE_YEARS.from && year <= SANE_YEARS.to;
