// A front matter value the shipped JSON Schema rejects (a severity or status outside the configured
// lists, a date not written YYYY-MM-DD …): a warning on the value itself. Where the value differs from an
// allowed one only in case ("sev1"), the fix writes the allowed one.
import { validateFrontMatter } from '../core/frontMatterSchema';
import { defineRule, type Problem } from './rule';

export interface FrontmatterInvalidData {
  code: 'frontmatter-invalid';
  key: string;
  /** The allowed value the written one matches but for case, if any. */
  suggestion: string | null;
}

export const frontmatterInvalid = defineRule<FrontmatterInvalidData>({
  code: 'frontmatter-invalid',
  defaultSeverity: 'warning',
  description: 'A front matter value is not one the postmortem front matter schema allows.',
  check({ model, settings }) {
    if (!model.frontMatter) return [];
    return validateFrontMatter(model.frontMatter, settings.frontMatter).map(({ field, message, allowed }): Problem<FrontmatterInvalidData> => {
      const written = typeof field.value === 'string' ? field.value.trim().toLowerCase() : null;
      const suggestion = allowed.find((value) => value.toLowerCase() === written) ?? null;
      const empty = field.valueStart === field.valueEnd;
      return {
        start: empty ? field.keyStart : field.valueStart, end: empty ? field.keyEnd : field.valueEnd,
        message: `Front matter: ${message}.`,
        data: { code: 'frontmatter-invalid', key: field.key, suggestion },
      };
    });
  },
  fixes: [{
    title: (data) => `Write ${data.key}: ${data.suggestion}`,
    fixAll: false,
    // The value is found again by its key (not the diagnostic's range, which some clients send back in
    // bytes), and only replaced while it still differs from the suggestion but for case.
    edits: (model, data) => {
      const field = model.frontMatter?.fields.find((candidate) => candidate.key === data.key);
      const suggestion = data.suggestion;
      if (!field || !suggestion || typeof field.value !== 'string' || field.value.trim().toLowerCase() !== suggestion.toLowerCase()) return [];
      // A TOML string's range holds its quotes: the value goes back quoted.
      const newText = model.frontMatter?.syntax === 'toml' ? JSON.stringify(suggestion) : suggestion;
      return [{ range: model.lines.index.range(field.valueStart, field.valueEnd), newText }];
    },
  }],
});
