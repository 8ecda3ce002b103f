// Whether an impact statement gives a size: a number of users, requests, money, a percentage or a time.
// "All users", "no customers" and "every request" count: they are sizes too.

const NUMBER_WORDS = String.raw`\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter|third|percent|all|every|entire|whole|none|zero|no\s+(?:\w+\s+)?(?:users?|customers?|data|impact|requests?|one|loss|downtime|outage)|majority|minority|most|few|several|full|complete|total|not\b[^.\n]{0,40}\bany|no\s+(?:\w+\s+)?\w+\s+(?:were|was|are|is|has|have|had)|nobody|no\s+one)\b`;
const QUANTITY = new RegExp(NUMBER_WORDS, 'i');

/** Dates and clock times say when, not how much: "On 2023-10-30 at 14:00" sizes nothing. */
const WHEN = /\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:,?\s+\d{4})?|\b(?:19|20)\d{2}\b/gi;

/** "From February 3rd, 11:37 PM until February 6th, 13:06": two instants make a span, which is a time. */
const SPAN = /\b(?:from|starting|since|between)\b[^.;]*\d[^.;]*\b(?:until|till|to|through|and)\b[^.;]*\d/i;

export function statesQuantity(text: string): boolean {
  return SPAN.test(text) || QUANTITY.test(text.replace(WHEN, ' '));
}
