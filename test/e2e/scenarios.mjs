// The four user stories of the issue, each run in a fresh browser context on its own copy of the
// fixture workspace. A scenario throws to fail; the runner takes the screenshot and the trace.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_WORKSPACE, TIMEOUTS } from './config.mjs';
import { lineOf } from './workspace.mjs';
import { indexScenarios } from './indexScenarios.mjs';
import { viewScenarios } from './viewScenarios.mjs';

const POSTMORTEM = 'incident-postmortem.md';
const README = 'README.md';
const SOURCE = 'postmortem';
const MISSING_SECTION = 'Corrective and Preventive Measures';

/** What the fixture holds, read from it so that editing the fixture keeps the checks in step. */
function fixtureFacts() {
  const text = fs.readFileSync(path.join(FIXTURE_WORKSPACE, POSTMORTEM), 'utf8');
  const sections = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
  const times = [...text.matchAll(/^- \*\*(\d{1,2}:\d{2}) UTC:\*\*/gm)].map((m) => m[1]);
  const minutes = times.map((t) => Number(t.split(':')[0]) * 60 + Number(t.split(':')[1]));
  const backwards = times.filter((_, i) => i > 0 && minutes[i] < Math.max(...minutes.slice(0, i)));
  // The entry out of order is also the first sign: "Customer support reports a spike" (the detection).
  const reportsFirst = new RegExp(`^- \\*\\*${backwards[0]} UTC:\\*\\* Customer support reports`, 'm').test(text);
  if (sections.length < 3 || times.length < 4 || backwards.length !== 1 || !reportsFirst || text.includes(MISSING_SECTION)) {
    throw new Error(`${POSTMORTEM} no longer has the shape the scenarios expect`);
  }
  const span = Math.max(...minutes) - Math.min(...minutes);
  const durationText = [Math.floor(span / 60) ? `${Math.floor(span / 60)}h` : '', span % 60 ? `${span % 60}m` : ''].filter(Boolean).join(' ');
  return { sections, times, outOfOrder: backwards[0], minutesFromStart: minutes.map((m) => m - Math.min(...minutes)), durationText };
}

const facts = fixtureFacts();

/** Opens the postmortem and the Problems panel; waits for our two problems to show. */
async function openPostmortemWithProblems(wb) {
  await wb.openFile(POSTMORTEM);
  await wb.showProblems();
  // The first wait includes the language server's start; allow it more than one UI step.
  await wb.problem('section-missing', SOURCE).waitFor({ timeout: TIMEOUTS.ui * 2 });
  await wb.problem('timeline-out-of-order', SOURCE).waitFor();
}

export const scenarios = [
  {
    name: 'problems panel shows section-missing and timeline-out-of-order',
    slug: '1-problems',
    async run({ wb, workspace }) {
      await openPostmortemWithProblems(wb);
      const missing = wb.problem('section-missing', SOURCE);
      const missingText = await missing.locator('.marker-message').innerText();
      if (!missingText.includes(MISSING_SECTION)) {
        throw new Error(`section-missing problem does not name "${MISSING_SECTION}": ${missingText}`);
      }
      // The problem sits on the entry that goes back in time.
      const line = lineOf(workspace, POSTMORTEM, `**${facts.outOfOrder} UTC:**`);
      await wb.problem('timeline-out-of-order', SOURCE)
        .filter({ has: wb.page.locator('.marker-line', { hasText: new RegExp(`^\\[Ln ${line},`) }) })
        .waitFor();
    },
  },
  {
    name: 'quick fix (Ctrl+.) inserts the missing section and the problem disappears',
    slug: '2-quick-fix',
    async run({ wb, snap }) {
      await openPostmortemWithProblems(wb);
      const before = await wb.countInEditor(MISSING_SECTION);
      if (!/No results/.test(before)) throw new Error(`the document already contains "${MISSING_SECTION}" (${before})`);
      // Double-clicking a problem puts the cursor on it and focuses the editor, as users do.
      await wb.problem('section-missing', SOURCE).dblclick();
      await wb.waitForEditorFocus();
      const menu = await wb.openQuickFixMenu();
      await snap('menu');
      await menu.getByRole('option', { name: new RegExp(MISSING_SECTION, 'i') }).first().click();
      await wb.problem('section-missing', SOURCE).waitFor({ state: 'detached' });
      // Only that problem went: the server re-analysed rather than cleared everything.
      await wb.problem('timeline-out-of-order', SOURCE).waitFor();
      await wb.waitForEditorFocus();
      const after = await wb.countInEditor(MISSING_SECTION);
      if (!/^1 of 1$/.test(after)) throw new Error(`expected the inserted section once, find says "${after}"`);
    },
  },
  {
    name: 'outline lists sections and timeline entries; clicking an entry moves the cursor',
    slug: '3-outline',
    async run({ wb, workspace }) {
      await wb.openFile(POSTMORTEM);
      await wb.showOutline();
      for (const time of facts.times) await wb.outlineRow(new RegExp(`\\b${time}\\b`)).first().waitFor();
      // Markdown's own outline lists the headings too, in a group of its own: check that ours
      // lists the sections as siblings of the Timeline that holds the entries.
      const rows = await wb.outlineSnapshot();
      const firstEntry = rows.findIndex((r) => new RegExp(`\\b${facts.times[0]}\\b`).test(r.name));
      let parent = firstEntry - 1;
      while (parent >= 0 && rows[parent].level >= rows[firstEntry].level) parent--;
      if (parent < 0 || !/timeline/i.test(rows[parent].name)) {
        throw new Error(`timeline entries are not children of a Timeline section: ${JSON.stringify(rows)}`);
      }
      const level = rows[parent].level;
      let start = parent;
      while (start > 0 && rows[start - 1].level >= level && !rows[start - 1].group) start--;
      let end = parent;
      while (end + 1 < rows.length && rows[end + 1].level >= level && !rows[end + 1].group) end++;
      const siblings = rows.slice(start, end + 1).filter((r) => r.level === level).map((r) => r.name);
      const missing = facts.sections.filter((s) => !siblings.some((name) => name.includes(s)));
      if (missing.length) throw new Error(`outline lacks sections ${missing.join(', ')}; has ${siblings.join(', ')}`);

      const line = lineOf(workspace, POSTMORTEM, `**${facts.outOfOrder} UTC:**`);
      await wb.outlineRow(new RegExp(`\\b${facts.outOfOrder}\\b`)).first().click();
      await wb.waitForCursorLine(line);
    },
  },
  {
    name: 'a plain README.md shows no problem from us',
    slug: '4-readme',
    async run({ wb }) {
      // README first, then the postmortem: once the postmortem's problems show, the server has
      // had README's didOpen before it, so an absent README entry is a real absence.
      await wb.openFile(README);
      await openPostmortemWithProblems(wb);
      await wb.activateTab(README);
      if ((await wb.problemFile(README).count()) > 0) {
        throw new Error(`README.md has problems: ${JSON.stringify(await wb.problemsSnapshot())}`);
      }
    },
  },
  {
    name: 'hover on a timeline time shows its T+ offset; inlay hints show it after each time',
    slug: '5-hover',
    async run({ wb, workspace }) {
      await wb.openFile(POSTMORTEM);
      const second = facts.times[1];
      const line = lineOf(workspace, POSTMORTEM, `**${second} UTC:**`);
      const offset = facts.minutesFromStart[1];
      const tPlus = `T+${Math.floor(offset / 60)}:${String(offset % 60).padStart(2, '0')}`;
      // The inlay hint is drawn in the line, after the time.
      await wb.page.locator('.editor-instance .view-lines', { hasText: tPlus }).first().waitFor();
      await wb.goTo(line, 6);
      const hover = await wb.hoverAtCursor('since the incident start');
      const text = await hover.innerText();
      if (!text.includes(tPlus)) throw new Error(`hover does not show ${tPlus}: ${text}`);
    },
  },
  {
    name: 'a snippet expands into a timeline entry',
    slug: '6-snippet',
    async run({ wb, workspace }) {
      await wb.openFile(POSTMORTEM);
      const last = facts.times[facts.times.length - 1];
      const line = lineOf(workspace, POSTMORTEM, `**${last} UTC:**`);
      await wb.goTo(line, 1);
      await wb.page.keyboard.press('End');
      await wb.page.keyboard.press('Enter');
      await wb.expandSnippet('pm-entry');
      await wb.page.keyboard.press('Escape');
      const after = await wb.countInEditor('UTC:** What happened');
      if (!/^1 of 1$/.test(after)) throw new Error(`the snippet did not expand into an entry; find says "${after}"`);
    },
  },
  {
    name: 'the status bar shows the computed duration; clicking it opens the preview with the same duration',
    slug: '7-preview',
    async run({ wb, workspace, snap }) {
      await wb.openFile(POSTMORTEM);
      const duration = facts.durationText;
      const item = wb.page.locator('.statusbar-item', { hasText: duration });
      await item.first().waitFor({ timeout: TIMEOUTS.ui * 2 });
      await item.first().click();
      const preview = wb.webview();
      await preview.locator('body', { hasText: duration }).first().waitFor({ timeout: TIMEOUTS.ui * 2 });
      await preview.locator('body', { hasText: facts.sections[0] }).first().waitFor();
      // The card's time to detect counts to customer support's report, the entry out of order in the file.
      const detected = facts.minutesFromStart[facts.times.indexOf(facts.outOfOrder)];
      await preview.locator('.pm-metric').filter({ hasText: new RegExp(`^Time to detect\\s*${detected}m`) }).first().waitFor();
      await snap('card');
      // Clicking a timeline entry in the preview moves the editor's cursor to it.
      const line = lineOf(workspace, POSTMORTEM, `**${facts.outOfOrder} UTC:**`);
      await wb.clickInWebview(preview.locator('li.pm-entry', { hasText: facts.outOfOrder }).first(), (timeout) => wb.waitForCursorLine(line, timeout), () => wb.cursorStatusText());
      // Export Preview to HTML: the save dialog proposes a file beside the document.
      await wb.runCommand('Postmortem: Export Preview to HTML');
      // code-server's save dialog is a quick input: wait until it holds the proposed file name.
      await wb.page.waitForFunction(() => /\.html$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''));
      const proposed = await wb.page.locator('.quick-input-widget input').inputValue();
      if (!/\.html$/.test(proposed)) throw new Error(`the save dialog proposes "${proposed}"`);
      await wb.page.keyboard.press('Enter');
      const exported = path.join(workspace, path.basename(proposed));
      // The extension says when the file is written.
      await wb.page.locator('.notification-toast', { hasText: 'Exported the preview' }).first().waitFor();
      if (!fs.existsSync(exported)) throw new Error(`no exported file at ${exported}`);
      const html = fs.readFileSync(exported, 'utf8');
      if (!html.includes(duration) || /<script(?![^>]*nonce)/i.test(html)) throw new Error('the export lacks the duration or carries a script');
    },
  },
  {
    name: 'commands: Insert Timeline Entry (Now) adds an entry; New Postmortem creates and opens a dated file',
    slug: '8-commands',
    async run({ wb, workspace }) {
      await wb.openFile(POSTMORTEM);
      const before = facts.times.length;
      // The status bar's duration shows once the extension knows this is a postmortem, which is
      // also when the commands that need one join the palette.
      await wb.page.locator('.statusbar-item', { hasText: facts.durationText }).first().waitFor({ timeout: TIMEOUTS.ui * 2 });
      await wb.focusEditor();
      const last = lineOf(workspace, POSTMORTEM, `**${facts.times[before - 1]} UTC:**`);
      await wb.runCommand('Postmortem: Insert Timeline Entry');
      // The command puts the cursor at the end of the new entry, on the line after the last one;
      // the server writes it in the fixture's format: "- **HH:MM UTC:** ".
      await wb.waitForCursorLine(last + 1);
      const file = path.join(workspace, POSTMORTEM);
      await wb.page.keyboard.type('Checked by the e2e test');
      const count = await wb.countInEditor('UTC:** Checked by the e2e test');
      if (!/^1 of 1$/.test(count)) throw new Error(`no new entry in the fixture's format; find says "${count}" (${before} entries before, ${file})`);
      await wb.runCommand('Postmortem: New Postmortem');
      await wb.answerQuickInput('Search index outage');
      await wb.answerQuickInput('google-sre', 'google-sre');
      const date = new Date().toISOString().slice(0, 10);
      await wb.page.locator('.tab.active', { hasText: `${date}-search-index-outage-postmortem.md` }).waitFor();
      const trigger = await wb.countInEditor('## Trigger');
      if (!/^1 of 1$/.test(trigger)) throw new Error(`the new postmortem lacks the google-sre sections; find says "${trigger}"`);
    },
  },
  ...indexScenarios,
  ...viewScenarios,
];
