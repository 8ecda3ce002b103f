// Markdown the parser gave up on (nested thousands of levels deep): said once, on the title; the
// structure of what it could not parse is read line by line, and everything else still works.
import { defineRule } from './rule';

export interface DocumentTooDeepData {
  code: 'document-too-deep';
  /** Why the Markdown parser gave up (nesting too deep, its stack overflowed). */
  reason: string;
}

export const documentTooDeep = defineRule<DocumentTooDeepData>({
  code: 'document-too-deep',
  defaultSeverity: 'warning',
  description: 'Part of the document is nested too deeply for the Markdown parser; those lines are read one by one.',
  check({ model, titleLine, lineSpan }) {
    const reason = model.lines.parseError;
    if (reason === null) return [];
    const [start, end] = lineSpan(titleLine);
    return [{
      start, end,
      message: `Part of this document is nested too deeply to read as Markdown (${reason}); its lines are read one by one.`,
      data: { code: 'document-too-deep', reason },
    }];
  },
  fixes: [],
});
