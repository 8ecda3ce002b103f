// A line that opens with a task's state: action items read it as one task, and sections.ts reads lessons
// learned that hold such lines as the measures. Apart, so that neither imports the other.

/**
 * "**TODO**: …", "DONE - …", "**DOING** the import …", "- TODO: …": a line that opens with a task's state,
 * in capitals, then a colon or a dash, or a word in lower case (not a label: "TODO List:").
 */
export const TASK_STATE_LEAD = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:TODO|DONE|DOING|IN PROGRESS)(?:\*\*|__)?(?:[ \t]*[:\-–—][ \t]*\S|[ \t]+\p{Ll})/u;
