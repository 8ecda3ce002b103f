// A count and its noun, for every message, report and view that counts things: one wording everywhere.

/** "1 incident", "3 incidents" (nouns with a plain plural in -s). */
export const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
