// Front matter that is not valid YAML (or TOML, between "+++"): an error at the position the parser
// gives. The rest of the document is read as usual (front matter only adds facts).
import { defineRule, type Problem } from './rule';

export interface FrontmatterMalformedData {
  code: 'frontmatter-malformed';
}

export const frontmatterMalformed = defineRule<FrontmatterMalformedData>({
  code: 'frontmatter-malformed',
  defaultSeverity: 'error',
  description: 'The front matter (YAML, or TOML between +++ fences) cannot be parsed.',
  check({ model }) {
    return (model.frontMatter?.errors ?? []).map((error): Problem<FrontmatterMalformedData> => ({
      start: Math.min(error.start, model.frontMatter?.end ?? error.start),
      end: Math.min(Math.max(error.end, error.start), model.frontMatter?.end ?? error.end),
      message: `Front matter: ${error.message}`,
      data: { code: 'frontmatter-malformed' },
    }));
  },
  fixes: [],
});
