// The report sits inside a fenced block tagged `markdown`/`md` (pasted from a chat assistant's answer),
// or an untagged one that is the whole document: we read it as Markdown, but every renderer shows it as
// code. The fix removes the fence lines.
import { defineRule } from './rule';
import { removeFenceEdits } from './fixes/removeFences';

export interface ReportInCodeBlockData {
  code: 'report-in-code-block';
  openLine: number;
  /** null: the block is never closed. */
  closeLine: number | null;
}

export const reportInCodeBlock = defineRule<ReportInCodeBlockData>({
  code: 'report-in-code-block',
  defaultSeverity: 'information',
  description: 'The report sits inside a code block (```markdown, or bare fences around the whole document): it is read as Markdown here, but renderers show it as code.',
  check({ model }) {
    const report = model.pastedReport;
    if (!report) return [];
    return [{
      start: report.openStart,
      end: report.openEnd,
      message: report.closeLine === null
        ? 'The report sits inside a code block that is never closed: it is read as Markdown here, but renderers show it as code. Remove the fence line.'
        : 'The report sits inside a code block: it is read as Markdown here, but renderers show it as code. Remove the fence lines.',
      data: { code: 'report-in-code-block', openLine: report.openLine, closeLine: report.closeLine },
    }];
  },
  fixes: [{
    title: (data) => (data.closeLine === null ? 'Remove the code fence around the report' : 'Remove the code fences around the report'),
    // It changes how the whole document renders: the writer decides.
    fixAll: false,
    edits: (model, data) => removeFenceEdits(model, data.openLine, data.closeLine),
  }],
});
