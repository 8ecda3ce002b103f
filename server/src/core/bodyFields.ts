// A postmortem's severity and status as its body states them, where its front matter does not: a label
// line ("**Severity:** High", "- **Status**: RESOLVED") or a metadata table's row ("| **Severity** | P3 |",
// "| 重大度 | SEV-3（…） |") before the timeline. The incident index falls back on them, so that a team that
// writes these in the text, not in YAML, still sees its incidents by severity.
import { tableCells } from './tableRow';
import { plainText } from './inline';
import type { PostmortemModel } from './model';

export interface BodyFields {
  severity: string | null;
  status: string | null;
}

/** Lines read from the top: the facts sit in the header block, not pages down in the story. */
const LINES_READ = 80;
const SEVERITY = /^(?:severity|sev|impact\s+level|incident\s+severity|重大度|深刻度|严重程度|严重级别|故障等级|серь[её]зность|критичность)$/i;
const STATUS = /^(?:status|incident\s+status|state|ステータス|状態|状态|статус)$/i;
/** "Label: value" on a line of its own, in a list item or bold: the label and what follows its colon. */
const LABEL_LINE = /^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?([^:*_|：]{2,30}?)(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*(.*)$/;
/**
 * A value's own words: up to a dash, a bracket, a comma or a stop that explains it ("Critical - paying
 * customers …"), a date ("Resolved 2026-06-20"), or the next label on the line ("final Owners: @Hixie").
 */
const VALUE_END = /\s+[-–—]\s|[([（,;。]|\.\s|\s+because\b|\s+(?:on\s+)?\d{4}-\d{2}-\d{2}|\s+\p{L}+:\s/iu;

/** The value as a short name ("High", "SEV-3", "RESOLVED"); null for nothing, a placeholder, or prose. */
function valueOf(raw: string): string | null {
  const text = plainText(raw).replace(/^[^\p{L}\p{N}]+/u, '');
  const cut = VALUE_END.exec(text);
  const value = (cut ? text.slice(0, cut.index) : text).replace(/[\s*_.:]+$/, '').trim();
  if (!value || value.length > 30 || value.split(/\s+/).length > 3 || /^(?:tbd|n\/?a|none|-+|\?+)$/i.test(value)) return null;
  return value;
}

export function readBodyFields(model: PostmortemModel): BodyFields {
  const found: BodyFields = { severity: null, status: null };
  const { lines } = model.lines.index;
  const last = Math.min(lines.length, LINES_READ, model.timelineSection?.line ?? lines.length);
  for (let i = 0; i < last && !(found.severity && found.status); i++) {
    const kind = model.lines.info[i].kind;
    const text = lines[i].text;
    let label: string | null = null;
    let raw = '';
    if (kind === 'table-row' || kind === 'table-header') {
      const cells = tableCells(text, 0);
      if (cells.length < 2) continue;
      label = plainText(cells[0].text);
      raw = cells[1].text;
    } else if (kind === 'paragraph') {
      const match = LABEL_LINE.exec(text);
      if (!match) continue;
      label = plainText(match[1]).trim();
      raw = match[2];
    } else {
      continue;
    }
    if (!found.severity && SEVERITY.test(label)) found.severity = valueOf(raw);
    else if (!found.status && STATUS.test(label)) found.status = valueOf(raw);
  }
  return found;
}
