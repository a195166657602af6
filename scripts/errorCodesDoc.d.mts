/** Types of scripts/errorCodesDoc.mjs (for the unit test that keeps docs/errors.md current). */
export const TABLE_PATH: string;
export const DOC_PATH: string;
export const MEANINGS: Record<string, string>;
export function tableSections(source: string): { title: string; codes: string[] }[];
export function renderErrorsDoc(source: string, table: Record<string, readonly [string, number]>): string;
