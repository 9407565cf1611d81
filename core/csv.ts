/**
 * CSV as every export of the product writes it (RFC 4180), safe to open in a spreadsheet: text a
 * spreadsheet would run as a formula is neutralised (OWASP "CSV injection").
 */

/**
 * A formula can start a cell, and a spreadsheet may split a line on other separators than ours:
 * `;` in many locales, tab, `|`. So every place a cell could begin, the start of the text or right
 * after one of those, is checked for a formula start (= + - @, or a tab or CR), spaces and a quote
 * allowed before it.
 */
const FORMULA_START = /(^|[,;\t|])(\s*"?\s*)([=+\-@\t\r])/g;
const NEEDS_QUOTES = /[",;\t|\r\n]/;

/** One CSV field: numbers as they are; text neutralised, then quoted when it holds a separator. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = value.replace(FORMULA_START, "$1$2'$3");
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line of fields, without its line end. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',');
}
