// Action items and front matter: the corpus read against test/fixtures/corpus-action-items.json, the
// inline forms, tables with missing or extra cells, front matter broken or invalid, the rules with an
// injected "today", their fixes, the CLI's --actions, and the shipped JSON Schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { CORPUS_SKIP, FIXTURES, ROOT, analyze, diagnosticsOf, joinLines, readCorpus, settingsWith } from '../helpers';
import { applyEdits } from '../../server/src/features/fixAll';
import { listGroup, listToTableEdit, markDoneEdits, placeholderEdits } from '../../server/src/rules/fixes/actionItemEdits';
import { findingsOf } from '../../server/src/rules/findings';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { inlayHints } from '../../server/src/features/inlayHints';
import { actionItemLenses, fillActionItemArgs, fillActionItemEdits } from '../../server/src/features/actionItemLenses';
import { createDocumentService } from '../../server/src/service/documentService';
import { FILL_ACTION_ITEM_COMMAND } from '../../server/src/protocol';
import { hover } from '../../server/src/features/hover';
import { completion } from '../../server/src/features/completion';
import { cardActions } from '../../server/src/features/actionItems';
import { defaultSettings, readSettings } from '../../server/src/rules/settings';

interface Reading { kind: string; line: number; owner: string | null; type: string | null; done: boolean; ticket?: string }
const READINGS: Record<string, Reading[]> = JSON.parse(readFileSync(join(FIXTURES, 'corpus-action-items.json'), 'utf8'));
const TODAY = new Date('2026-05-01T12:00:00Z');

test('corpus: action tables and task lists read as a careful reader reads them', { skip: CORPUS_SKIP }, () => {
  for (const [file, expected] of Object.entries(READINGS)) {
    if (file.startsWith('_')) continue;
    const model = analyze(readCorpus(file));
    const got = model.actionItems.map((item) => ({
      kind: item.kind, line: item.line + 1, owner: item.owner?.text ?? null, type: item.type?.text ?? null, done: item.done,
      ...(item.ticket ? { ticket: item.ticket.text } : {}),
    }));
    assert.deepEqual(got, expected, file);
  }
});

test('a Priority column is the status only where no Status column is: "| Priority | Action | Owner | Status |" (corpus 108, etcd; a held-out homelab report)', () => {
  const items = (...rows: string[]) => analyze(joinLines('# Postmortem', '', '## Action Items', '', ...rows)).actionItems.map((item) => [item.status?.text ?? null, item.done]);
  assert.deepEqual(items('| Priority | Action | Owner | Status |', '| --- | --- | --- | --- |', '| P1 | Add ZFS monitoring | - | TODO |', '| P1 | Write the runbook | - | DONE (this doc) |'),
    [['TODO', false], ['DONE (this doc)', true]]);
  assert.deepEqual(items('| Action Item | Type | Priority | Bug | Status |', '| --- | --- | --- | --- | --- |', '| Detect corruption | Detect | P0 | #14039 | DONE |', '| Easy apply code | Prevent | P1 | | |'),
    [['DONE', true], [null, false]]);
  assert.deepEqual(items('| Action | Priority |', '| --- | --- |', '| Alert sooner | P2 |'), [['P2', false]], 'alone, it is the status column');
});

test('an item\'s words: a bold or code span that closes before its stop leaves no space before it ("**Add Monitoring**: …", corpus ALX reports)', () => {
  const model = analyze(joinLines('# Postmortem', '', '## Corrective Measures', '', '- **Add Monitoring**: alert on memory, disk and `nginx`.', '- Fix the `SendEventEmailsJob`. See issue 13636.'));
  assert.deepEqual(model.actionItems.map((item) => item.text), ['Add Monitoring: alert on memory, disk and nginx.', 'Fix the SendEventEmailsJob. See issue 13636.']);
});

test('an item\'s words keep the underscores inside a word ("`lighthouse/add_peer`", "launch_time_seconds"), as CommonMark reads them; "_emphasis_" is none (held-out set 12, corpus 063)', () => {
  const model = analyze(joinLines('# Postmortem', '', '## Corrective Measures', '', '- Add the `lighthouse/add_peer` endpoint and alert on launch_time_seconds.', '- Make _every_ alert page __someone__.'));
  assert.deepEqual(model.actionItems.map((item) => item.text), ['Add the lighthouse/add_peer endpoint and alert on launch_time_seconds.', 'Make every alert page someone.']);
});

test('items under a heading of no known name inside the measures are actions too ("#### **Short Term**" under "## RECOMMENDATIONS", held-out set 12); the section after it holds none', () => {
  const texts = (...body: string[]) => analyze(joinLines('# Validator incident', '', '## Summary', 'Down from 10:00 to 11:00 UTC.', '', ...body, '')).actionItems.map((item) => item.text);
  assert.deepEqual(texts('## RECOMMENDATIONS', '### For Our Operations', '#### **Immediate Actions**', '1. **Enhanced Monitoring**: Implement alerts', '', '#### **Short Term**', '1. **Automated Detection**: Develop alerts', '', '## CONCLUSION', '- Consensus problems can hit many validators'),
    ['Enhanced Monitoring: Implement alerts', 'Automated Detection: Develop alerts']);
});

test('a bare name over two or more items is their group, and they are the actions ("- Lighthouse" over "- Added an endpoint …", held-out set 12); a task with details stays one', () => {
  const texts = (...list: string[]) => analyze(joinLines('# Postmortem', '', '## Corrective Measures', '', ...list, '')).actionItems.map((item) => item.text);
  assert.deepEqual(texts('- Lighthouse', '  - Added an endpoint to find peers', '  - Optimized range loading', '- Prysm', '  - Added a sync-from-head flag', '  - Fixed the REST API'),
    ['Added an endpoint to find peers', 'Optimized range loading', 'Added a sync-from-head flag', 'Fixed the REST API']);
  assert.deepEqual(texts('- Add Monitoring', '  - CPU alerts', '  - Memory alerts'), ['Add Monitoring']);
});

test('a paragraph that opens with a task\'s state ("**DONE**:", "**TODO**", "DOING") is one action, done when it says DONE (a held-out report\'s lessons learned)', () => {
  const items = (...lines: string[]) => analyze(joinLines('# Postmortem', '', '## Timeline', '- 10:00 UTC alert', '- 11:00 UTC fixed', '', ...lines)).actionItems.map((item) => [item.text, item.done, item.line]);
  assert.deepEqual(items('## Lessons learned', '', 'The Proxmox graph is easier to read.', '', '**DONE**: Alex added the wiki to the monitored sites.', '',
    '**TODO**: monitor systemd, to see services down.', 'A systemd exporter would do it.', '', '**DOING** the import checks the disk space first.'), [
    ['DONE: Alex added the wiki to the monitored sites.', true, 10],
    ['TODO: monitor systemd, to see services down. A systemd exporter would do it.', false, 12],
    ['DOING the import checks the disk space first.', false, 15],
  ]);
  // Not a label over tasks ("TODO List:"), nor outside the follow-ups.
  assert.deepEqual(items('## Corrective Measures', '', 'TODO List:', '', 'Alert on errors.', 'Review the settings.'), [['Alert on errors.', false, 10], ['Review the settings.', false, 11]]);
  assert.deepEqual(items('## Root Cause', '', '**TODO**: find out why.'), []);
});

test('plain lines under "Tasks:" are one action a line; a heading\'s prose, wrapped lines and a closing sentence are not (ALX reports, corpus 016 and 038)', () => {
  const items = (...lines: string[]) => analyze(joinLines('# Postmortem', '', '## Timeline', '- 10:00 UTC alert', '- 11:00 UTC fixed', '', ...lines)).actionItems.map((item) => `${item.kind} ${item.text}`);
  assert.deepEqual(items('## Corrective and Preventative Measures', '', 'Improvements:', '', 'Regular load balancer configuration audits.', 'Enhanced monitoring for real-time alerts.',
    'Tasks:', '', 'Conduct load balancer configuration audit.', 'Implement additional monitoring for critical services.', 'By implementing these measures, we aim to prevent similar incidents.'), [
    'line Regular load balancer configuration audits.', 'line Enhanced monitoring for real-time alerts.',
    'line Conduct load balancer configuration audit.', 'line Implement additional monitoring for critical services.']);
  // A task's own title on the line above it; the conclusion after the list is no task.
  assert.deepEqual(items('## Corrective Measures', '', 'TODO List:', '', 'Fix Nginx Configuration:', 'Review and adjust Nginx settings.', 'Improve Monitoring:', 'Add alerts for Nginx error logs.', 'Conclusion:', 'Thanks to the team for quickly solving the problem.'),
    ['line Review and adjust Nginx settings.', 'line Add alerts for Nginx error logs.']);
  // The section's title as a plain line over its actions (corpus 038).
  assert.deepEqual(items('Action Items', 'Deploy a second standby database server.', 'Enhance monitoring tools to check replication.'),
    ['line Deploy a second standby database server.', 'line Enhance monitoring tools to check replication.']);
  // Under a heading of its own, a paragraph is prose, one sentence a line or wrapped.
  assert.deepEqual(items('## Next Steps', '', 'Going forward the team is going to rebuild the deployment process.', 'Our engineers are working on it at this moment.'), []);
  assert.deepEqual(items('## Action Items', '', 'Tasks:', 'Review the deployment process so that changes are tested', 'before they reach production, and alert on errors.'), []);
  // What a plain line says is read as a bullet\'s is: its owner, its due date; and it can be marked done.
  const model = analyze(joinLines('# Postmortem', '', '## Timeline', '- 10:00 UTC alert', '- 11:00 UTC fixed', '', '## Action Items', '', 'Tasks:', 'Add a canary stage @alice due 2026-04-01', 'Write a runbook'));
  assert.deepEqual(model.actionItems.map((item) => [item.owner?.text ?? null, item.due?.text ?? null]), [['alice', '2026-04-01'], [null, null]]);
  const fixed = applyEdits(model.text, markDoneEdits(model, model.actionItems[1]));
  assert.match(fixed, /^Write a runbook \(done\)$/m);
});

test('action tables headed in Japanese, Chinese or Russian, with their words for done and not yet (held-out reports)', () => {
  const items = (header: string, ...rows: string[]) => analyze(joinLines('# ポストモーテム', '', '## タイムライン', '- 10:00 JST 発生', '- 11:00 JST 復旧', '',
    '## アクションアイテム', '', header, '|---|---|---|---|---|', ...rows)).actionItems.map((item) => [item.owner?.text ?? null, item.due?.text ?? null, item.done]);
  assert.deepEqual(items('| # | アクション | 担当 | 期限 | 状態 |', '| P-1 | ワーカーのメモリ上限を上げる | 開発担当者 | 2026-03-23 | **完了** |', '| P-5 | 監視を追加する | 開発担当者 | 2026-04-06 | 未着手 |'),
    [['開発担当者', '2026-03-23', true], ['開発担当者', '2026-04-06', false]]);
  assert.deepEqual(items('| # | 措施 | 负责人 | 截止日期 | 状态 |', '| 1 | 增加告警 | 运维 | 2026-05-01 | 已完成 |'), [['运维', '2026-05-01', true]]);
  assert.deepEqual(items('| # | Задача | Ответственный | Срок | Статус |', '| 1 | Алерт на диск | Артём | 2026-10-01 | в работе |'), [['Артём', '2026-10-01', false]]);
  // A done word said not to be so is not done: "not done", "未完成" (which holds 完成).
  assert.deepEqual(items('| # | Action | Owner | Due | Status |', '| 1 | Fix it | Bob | 2026-10-01 | not done |', '| 2 | Test it | Ann | 2026-10-02 | 未完成 |'), [['Bob', '2026-10-01', false], ['Ann', '2026-10-02', false]]);
});

test('"(see #6 below)" points at another item, not a ticket; a box marked "[N/A]" is no open task (held-out reports)', () => {
  const items = analyze(joinLines('# Outage', '', '## Timeline', '- 10:00 UTC alert', '- 11:00 UTC fixed', '', '## Action Items', '',
    '- Raise swappiness to 20–30 (see #6 below) OPS-12', '- Review GC pauses, see Prevention #6', '- Track it in #481', '- [N/A] **Replace dontAsk** — not needed', '- [ ] Add a test')).actionItems;
  assert.deepEqual(items.map((item) => [item.ticket?.text ?? null, item.done]), [['OPS-12', false], [null, false], ['#481', false], [null, true], [null, false]]);
});

const DOC = joinLines(
  '---',
  'title: Checkout outage',
  'severity: sev1',
  'status: in-review',
  '---',
  '# Checkout outage postmortem',
  '',
  '## Timeline',
  '',
  '- 14:00 UTC: alert',
  '- 15:00 UTC: resolved',
  '',
  '## Action Items',
  '',
  '- [ ] Add a circuit breaker @alice due 2026-04-01 OPS-12',
  '- [x] Roll back the deploy (owner: Bob) by March 3',
  '- Write a runbook — Carol (2026-12-01)',
  '- ~~Page the team~~',
  '- Add alerting on error rate (prevent) https://example.com/t/9',
  '',
);

test('inline fields: owner, due, ticket, type and done-ness in their written forms, each with its offsets', () => {
  const model = analyze(DOC);
  const items = model.actionItems;
  assert.deepEqual(items.map((item) => [item.kind, item.owner?.text ?? null, item.due?.text ?? null, item.ticket?.text ?? null, item.type?.text ?? null, item.done]), [
    ['task', 'alice', '2026-04-01', 'OPS-12', null, false],
    ['task', 'Bob', 'March 3', null, null, true],
    ['bullet', 'Carol', '2026-12-01', null, null, false],
    ['bullet', null, null, null, null, true],
    ['bullet', null, null, 'https://example.com/t/9', 'prevent', false],
  ]);
  for (const item of items) for (const field of [item.owner, item.due, item.ticket, item.type]) {
    if (field) assert.equal(DOC.slice(field.start, field.end), field.text);
  }
});

test('rules: overdue by the injected today; owners and due dates asked for past draft only; a bad severity on its value', () => {
  const model = analyze(DOC);
  const findings = findingsOf(model, defaultSettings(), TODAY);
  const byCode = (code: string) => findings.filter((finding) => finding.code === code);
  assert.equal(byCode('action-item-overdue').length, 1);
  assert.equal(DOC.slice(byCode('action-item-overdue')[0].start, byCode('action-item-overdue')[0].end), '2026-04-01');
  assert.equal(findingsOf(model, defaultSettings(), new Date('2026-03-01T00:00:00Z')).filter((f) => f.code === 'action-item-overdue').length, 0, 'not yet due');
  assert.deepEqual(byCode('action-item-owner-missing').map((f) => model.lines.index.lineAt(f.start) + 1), [19]);
  assert.deepEqual(byCode('action-item-due-missing').map((f) => model.lines.index.lineAt(f.start) + 1), [19]);
  const invalid = byCode('frontmatter-invalid');
  assert.equal(invalid.length, 1);
  assert.equal(DOC.slice(invalid[0].start, invalid[0].end), 'sev1');
  assert.equal(invalid[0].severity, 'warning');
  const draft = analyze(DOC.replace('status: in-review', 'status: draft'));
  assert.deepEqual(findingsOf(draft, defaultSettings(), TODAY).filter((f) => f.code.startsWith('action-item-') && f.code !== 'action-item-overdue'), [], 'a draft is not buried');
});

test('a status page\'s incident keeps its own severities and statuses (cState\'s "severity: down", Hugo themes\' "degraded-performance"); a postmortem\'s front matter is held to the settings\' lists', () => {
  const invalid = (...front: string[]) => diagnosticsOf(joinLines('---', ...front, '---', '', '# Major outage on runtime', '', '## Summary', 'From 09:50 to 11:08 UTC every user got errors because of a bad deploy.', ''))
    .filter((d) => d.code === 'frontmatter-invalid').map((d) => d.message);
  assert.deepEqual(invalid('title: Major outage', 'section: issue', 'severity: down', 'resolved: true', 'resolvedWhen: 2023-09-27 11:08:00', 'affected:', '  - Runtime'), []);
  assert.deepEqual(invalid('title: Decreased performance', 'severity: degraded-performance', 'affectedsystems:', '  - Content API', 'resolved: true'), []);
  assert.deepEqual(invalid('title: Maintenance', 'severity: scheduled, partial-outage', 'affected:', '  - API'), []);
  assert.deepEqual(invalid('title: Network issues', 'layout: status', 'status: resolved', 'severity: high'), []);
  // Not a status page: its severity and status are the postmortem's.
  assert.equal(invalid('title: Postmortem', 'severity: down', 'status: resolved').length, 2);
  // A status page's own word misspelled is still told.
  assert.equal(invalid('title: Outage', 'section: issue', 'severity: dwon', 'affected:', '  - API').length, 1);
});

test('a status page\'s incident gives its window in its own keys: cState\'s `date` and `resolvedWhen` in the page\'s unwritten zone, LiveAgent\'s `resolvedDate` in UTC; `started` and `resolved` still win', () => {
  const windowOf = (...front: string[]) => {
    const { start, end, durationMinutes } = analyze(joinLines('---', ...front, '---', '', '- We\u2019re rolling out new runners. {{< track "2023-09-27 10:15:00" >}}', '')).incident;
    return { start: start?.text ?? null, zone: start?.zone?.label ?? null, end: end?.text ?? null, minutes: durationMinutes };
  };
  assert.deepEqual(windowOf('title: Major outage on runtime', 'date: 2023-09-27 09:50:00', 'resolved: true', 'resolvedWhen: 2023-09-27 11:08:00', 'severity: down', 'affected:', '  - Runtime', 'section: issue'),
    { start: '2023-09-27 09:50:00', zone: null, end: '2023-09-27 11:08:00', minutes: 78 });
  // A front-matter-only incident of LiveAgent's status site is found, and its window read.
  const liveAgent = joinLines('---', 'layout: post', 'title: LiveAgent service outage', 'status: resolved', 'severity: outage', 'date: 2024-07-26 13:30 UTC',
    'resolvedDate: 2024-07-26 22:30 UTC', 'incident_states:', '- status: investigating', '  content: "Outage on wseu based accounts"', '---', '');
  const model = analyze(liveAgent);
  assert.ok(model.isPostmortem);
  assert.deepEqual([model.incident.start?.zone?.label, model.incident.durationMinutes], ['UTC', 540]);
  assert.deepEqual(diagnosticsOf(liveAgent).map((d) => d.code), [], 'its severity is the page\'s own word, and it is asked for no section');
  // The lifecycle keys win; a postmortem's `date` is its day, not its start.
  assert.deepEqual(windowOf('title: Outage', 'date: 2023-09-27 09:50:00', 'started: 2023-09-27T10:00:00Z', 'resolvedWhen: 2023-09-27 11:08:00', 'severity: down', 'section: issue').start, '2023-09-27T10:00:00Z');
  assert.equal(windowOf('title: Outage', 'date: 2023-09-27 09:50:00', 'severity: SEV2', 'started: 2023-09-27T10:00:00Z').start, '2023-09-27T10:00:00Z');
  assert.notEqual(windowOf('title: Outage', 'date: 2023-09-27 09:50:00', 'severity: SEV2', 'incident: INC-1').start, '2023-09-27 09:50:00');
  // Resolved the instant it was posted: a write-up posted afterwards, whose page gives no window.
  assert.deepEqual(windowOf('title: US Midwest power outage', 'date: 2024-04-06T11:48:00.746Z', 'resolved: true', 'resolvedWhen: 2024-04-06T11:48:00.746Z', 'severity: disrupted', 'section: issue'),
    { start: null, zone: null, end: null, minutes: null });
  // A time in the page's unwritten zone and one with a zone are on no common axis.
  assert.equal(windowOf('title: Outage', 'date: 2023-09-27 09:50:00', 'resolvedWhen: 2023-09-27T11:08:00Z', 'severity: down', 'section: issue').minutes, null);
});

test('a cState incident with no `resolvedWhen` is resolved when its last "::: update Resolved | …" says (gitpod\'s status site, held-out set 12); a page without one has no end', () => {
  const page = (...updates: string[]) => analyze(joinLines('---', 'title: Workspaces do not start in the US cluster', "date: '2021-01-13T17:06:46.693Z'", 'severity: partial-outage',
    'affectedsystems:', '  - workspaces', 'resolved: true', '---', 'We are investigating.', '', ...updates, '')).incident;
  const resolved = page('::: update Monitoring | 2021-01-14T11:03:46.693Z', 'A fix has been implemented.', ':::', '', '::: update Resolved | 2021-01-14T12:03:46.693Z', 'This incident has been resolved.', ':::');
  assert.deepEqual([resolved.end?.text, resolved.durationMinutes], ['2021-01-14T12:03:46.693Z', 1137]);
  assert.equal(page('::: update Monitoring | 2021-01-14T11:03:46.693Z', 'Watching.', ':::').end, null);
});

test('status-requirements: at published, every required section and every open item owned (configurable per status)', () => {
  const published = analyze(DOC.replace('status: in-review', 'status: published'));
  const messages = findingsOf(published, defaultSettings(), TODAY).filter((f) => f.code === 'status-requirements').map((f) => f.message);
  assert.equal(messages.length, 2);
  assert.match(messages[0], /required sections are missing/);
  assert.match(messages[1], /1 open action item without an owner \(line 19\)/);
  const settings = settingsWith({ statusRequirements: [{ status: 'in-review', require: ['due-dates'] }] });
  const review = findingsOf(analyze(DOC, { statusRequirements: [{ status: 'in-review', require: ['due-dates'] }] }), settings, TODAY).filter((f) => f.code === 'status-requirements');
  assert.deepEqual(review.map((f) => f.message), ['Status "in-review": 1 open action item without a due date (line 19).']);
});

test('malformed front matter: an error at its position, and the rest of the document still read', () => {
  const text = joinLines('---', 'title: [unclosed', 'status: draft', '---', '# Outage postmortem', '', '## Timeline', '', '- 10:00 UTC start', '- 11:00 UTC end', '');
  const model = analyze(text);
  const malformed = findingsOf(model, defaultSettings(), TODAY).filter((f) => f.code === 'frontmatter-malformed');
  assert.ok(malformed.length >= 1);
  assert.equal(malformed[0].severity, 'error');
  assert.ok(malformed[0].start >= 4 && malformed[0].end <= model.frontMatter!.end, 'inside the front matter');
  assert.equal(model.timeline.length, 2);
  assert.equal(model.incident.durationMinutes, 60);
});

const TABLE = joinLines(
  '# Outage postmortem',
  '',
  '## Action Items',
  '',
  '| Action | Owner | Due | Status |',
  '| --- | --- | --- | --- |',
  '| Add retries | | 2026-02-01 | open |',
  '| Fix alerts |',
  '| Write docs | dan | 2027-01-01 | done | extra | cells |',
  '',
);

test('tables with missing or extra cells: read by column; the owner placeholder fills or adds its cell', () => {
  const model = analyze(TABLE);
  assert.deepEqual(model.actionItems.map((item) => [item.text, item.owner?.text ?? null, item.due?.text ?? null, item.done]), [
    ['Add retries', null, '2026-02-01', false],
    ['Fix alerts', null, null, false],
    ['Write docs', 'dan', '2027-01-01', true],
  ]);
  const [first, second] = model.actionItems;
  assert.equal(applyEdits(TABLE, placeholderEdits(model, first, 'owner')).split('\n')[6], '| Add retries | TBD | 2026-02-01 | open |');
  assert.equal(applyEdits(TABLE, placeholderEdits(model, second, 'owner')).split('\n')[7], '| Fix alerts | TBD |');
  assert.equal(applyEdits(TABLE, markDoneEdits(model, first)).split('\n')[6], '| Add retries | | 2026-02-01 | done |');
  const noOwnerColumn = TABLE.replace('| Action | Owner | Due | Status |', '| Action | Who2 | Due | Status |');
  const reread = analyze(noOwnerColumn);
  const added = applyEdits(noOwnerColumn, placeholderEdits(reread, reread.actionItems[1], 'owner')).split('\n');
  assert.equal(added[4], '| Action | Who2 | Due | Status | Owner |');
  assert.equal(added[7], '| Fix alerts | | | | TBD |');
  assert.equal(analyze(added.join('\n')).actionItems[1].owner?.text, 'TBD');
});

test('a labelled task ending in a colon over what its parts do ("**Enforce strict shell failure handling:** Prepend `set -euo pipefail` to the script:", held-out set 13) is the action, its sub-items its details; "- Preventive measures:" over items is still their label', () => {
  const items = (...lines: string[]) => analyze(joinLines('# Postmortem', '## Corrective and Preventive Measures', '', ...lines, '')).actionItems.map((item) => item.text);
  assert.deepEqual(items('* **Fix the script logic:** Corrected the target.', '* **Enforce strict shell failure handling:** Prepend `set -euo pipefail` to the script:',
    '  * `-e` halts the script on any failure.', '  * `-u` treats an undefined variable as an error.', '* **Add outcome-based monitoring:** Alert on file age.'),
  ['Fix the script logic: Corrected the target.', 'Enforce strict shell failure handling: Prepend set -euo pipefail to the script:', 'Add outcome-based monitoring: Alert on file age.']);
  assert.deepEqual(items('- Preventive measures:', '  - Add a canary', '  - Page on errors'), ['Add a canary', 'Page on errors']);
});

test('a row left to copy under the last action ("| … | … |", incident.io\'s export, held-out set 13) is no item; a row with words in any cell is', () => {
  const table = (...rows: string[]) => analyze(joinLines('# Postmortem', '## Action Items', '', '| Action | Assignee |', '| --- | --- |', ...rows, '')).actionItems.map((item) => item.text);
  assert.deepEqual(table('| Investigate on-call overrides. | Martha Lambert |', '| … | … |', '| ... | - |'), ['Investigate on-call overrides.']);
  assert.deepEqual(table('| … | Martha Lambert |'), ['…']);
});

test('fixes: an inline owner placeholder, mark done, and the bulleted list as an aligned table that keeps every word', () => {
  const model = analyze(DOC);
  const last = model.actionItems[4];
  assert.match(applyEdits(DOC, placeholderEdits(model, last, 'owner')), /error rate \(prevent\) https:\/\/example\.com\/t\/9 \(owner: TBD\)\n/);
  assert.match(applyEdits(DOC, markDoneEdits(model, model.actionItems[0])), /- \[x\] Add a circuit breaker/);
  assert.match(applyEdits(DOC, markDoneEdits(model, model.actionItems[2])), /Carol \(2026-12-01\) \(done\)\n/);
  const edit = listToTableEdit(model, listGroup(model, last));
  assert.ok(edit);
  const table = applyEdits(DOC, [edit]).split('\n').slice(14, 21);
  assert.equal(table[0].length, table[1].length, 'aligned');
  assert.match(table[0], /^\| Action +\| Owner +\| Due +\| Ticket +\| Status \|$/);
  assert.match(table[2], /^\| \[ \]|^\| Add a circuit breaker @alice due 2026-04-01 OPS-12 +\| alice +\| 2026-04-01 \| OPS-12 +\| open +\|$/);
  assert.equal(analyze(applyEdits(DOC, [edit])).actionItems.length, 5, 'still five items, now in a table');
});

test('editor: outline children, inlay hints with overdue marked, hovers on items and front matter keys, key and value completion, the card summary', () => {
  const model = analyze(DOC);
  const actions = documentSymbols(model).flatMap(function all(symbol): typeof symbol[] { return [symbol, ...(symbol.children ?? []).flatMap(all)]; })
    .filter((symbol) => symbol.kind === 8);
  assert.equal(actions.length, 5);
  const whole = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
  const labels = inlayHints(model, whole, TODAY).map((hint) => hint.label);
  assert.ok(labels.includes('@alice · due 2026-04-01 ⚠ overdue'), labels.join(' / '));
  const item = hover(model, { line: 14, character: 8 }, TODAY);
  assert.match(String((item?.contents as { value: string }).value), /overdue[\s\S]*Owner: alice[\s\S]*Due: 2026-04-01/);
  const key = hover(model, { line: 2, character: 2 }, TODAY);
  assert.match(String((key?.contents as { value: string }).value), /\*\*severity\*\*[\s\S]*`SEV1`/);
  const lists = defaultSettings().frontMatter;
  assert.deepEqual(completion(model, { line: 3, character: 8 }, TODAY, '', true, lists).map((c) => c.label), lists.statuses);
  assert.ok(completion(analyze(DOC.replace('status: in-review\n', '\n')), { line: 3, character: 0 }, TODAY, '', true, lists).some((c) => c.label === 'authors'));
  assert.equal(cardActions(model, TODAY)?.summary, '5 items: 3 open, 1 overdue');
});

test('the shipped front matter schema compiles with ajv, is packaged, and accepts a complete front matter', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'postmortem-frontmatter.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate({ title: 't', date: '2026-03-02', severity: 'SEV2', status: 'published', authors: ['a'], services: 'checkout', incident_id: 12, tags: ['x'], started: '2026-03-02T14:00Z', resolved: '2026-03-02 15:30+01:00' }), JSON.stringify(validate.errors));
  assert.equal(validate({ severity: 'SEV9' }), false);
  assert.ok(validate({ date: '2022-04-20T17:00:00.000Z' }), 'a date and time (corpus 119)');
  assert.equal(validate({ date: '32/32/32' }), false, 'corpus 065');
  // A status page's "resolved: true" (cState, corpus 119) says whether, not when: no problem, and no time read.
  assert.ok(validate({ resolved: true }) && validate({ resolved: false }), JSON.stringify(validate.errors));
  assert.equal(validate({ resolved: 'yes' }), false);
  const statusPage = analyze('---\ntitle: Major outage on runtime\nresolved: true\n---\n# Postmortem\n\n## Timeline (UTC)\n- 10:00 alert\n- 11:00 fixed\n');
  assert.ok(!diagnosticsOf(statusPage.text).some((d) => d.code === 'frontmatter-invalid'));
  assert.equal(statusPage.incident.end?.source, 'timeline');
  assert.match(String(diagnosticsOf(statusPage.text.replace('resolved: true', 'resolved: soon')).find((d) => d.code === 'frontmatter-invalid')?.message), /resolved must be a date and time with its offset \(2026-06-01T14:05Z\), or true or false/);
  assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
});

test('CLI: --actions lists open items grouped by owner and exits 1 when one is overdue; --overdue only those; JSON carries frontMatter and actionItems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pm-actions-'));
  const file = join(dir, 'x-postmortem.md');
  writeFileSync(file, DOC);
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: dir, encoding: 'utf8' });
  const open = run('--actions', file);
  assert.equal(open.status, 1, open.stderr);
  assert.deepEqual(open.stdout.split('\n').filter((line) => !line.startsWith(' ')).filter(Boolean), ['alice', 'Carol', '(no owner)']);
  const overdue = run('--actions', '--overdue', file);
  assert.equal(overdue.stdout.trim().split('\n').length, 2);
  const json = JSON.parse(run('--format', 'json', file).stdout);
  assert.equal(json[0].frontMatter.severity, 'sev1');
  assert.equal(json[0].actionItems.length, 5);
  assert.equal(run('--overdue', file).status, 2, '--overdue needs --actions');
});

test('code lenses: owner and due date (overdue marked) above each item; a lens that adds what is missing, run on the server', async () => {
  const model = analyze(DOC);
  const lenses = actionItemLenses(model, 'file:///pm.md', 7, TODAY);
  assert.deepEqual(lenses.map((lens) => `${lens.range.start.line} ${lens.command?.title} ${lens.command?.command}`), [
    '14 @alice · due 2026-04-01 ⚠ overdue ',
    '15 @Bob · done ',
    '16 @Carol · due 2026-12-01 ',
    '17 done ',
    '18 + Add owner postmortem.server.fillActionItem',
    '18 + Add due date postmortem.server.fillActionItem',
  ]);
  assert.deepEqual(lenses[4].command?.arguments, [{ uri: 'file:///pm.md', version: 7, line: 18, slot: 'owner' }]);
  assert.match(applyEdits(DOC, fillActionItemEdits(model, 18, 'owner')), /https:\/\/example\.com\/t\/9 \(owner: TBD\)\n/);
  assert.deepEqual(fillActionItemEdits(model, 3, 'owner'), [], 'no item on that line');
  for (const bad of [null, 'x', { uri: 'file:///pm.md', version: 1, line: 1.5, slot: 'owner' }, { uri: 'file:///pm.md', version: 1, line: 1, slot: 'ticket' }]) {
    assert.equal(fillActionItemArgs(bad), null, JSON.stringify(bad));
  }

  // Through the service: postmortem.actionItems.display chooses lenses or inlay hints; a stale lens does nothing.
  const uri = 'file:///work/incidents/checkout.md';
  let display = 'codeLens';
  const service = createDocumentService({ logger: { warn() {}, error() {} }, clock: () => TODAY, editorSettings: () => Promise.resolve({ actionItems: { display } }) });
  service.open(uri, DOC, 3);
  const whole = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
  assert.equal((await service.codeLenses(uri)).length, 6);
  assert.ok((await service.inlayHints(uri, whole)).every((hint) => !String(hint.label).startsWith('@')), 'no action item inlays beside the lenses');
  const edit = await service.executeCommand(FILL_ACTION_ITEM_COMMAND, [{ uri, version: 3, line: 18, slot: 'due' }]);
  assert.match(applyEdits(DOC, edit?.changes?.[uri] ?? []), /t\/9 \(due: TBD\)\n/);
  assert.equal(await service.executeCommand(FILL_ACTION_ITEM_COMMAND, [{ uri, version: 2, line: 18, slot: 'due' }]), null, 'made for an older version');
  assert.equal(await service.executeCommand('something.else', [{ uri, version: 3, line: 18, slot: 'due' }]), null);
  for (const [choice, lensCount, itemHints] of [['inlay', 0, true], ['both', 6, true], ['none', 0, false]] as const) {
    display = choice;
    service.settingsChanged();
    assert.equal((await service.codeLenses(uri)).length, lensCount, choice);
    assert.equal((await service.inlayHints(uri, whole)).some((hint) => String(hint.label).startsWith('@alice')), itemHints, choice);
  }
  assert.deepEqual(readSettings({ actionItems: { display: 'lens' } }).problems, ['settings: actionItems.display must be one of inlay, codeLens, both, none; got "lens"']);
  assert.equal(defaultSettings().actionItems.display, 'inlay');
});

test('outline: items under a heading no profile knows are listed under it, in line order', () => {
  const text = joinLines(
    '# Checkout outage postmortem', '', '## Timeline', '', '- 14:00 UTC: alert', '- 15:00 UTC: resolved', '',
    '## Lessons', '', 'We learnt things.', '', '### Follow-ups', '', '- [ ] Add a circuit breaker @alice', '- [ ] Load test the checkout', '',
    '## Root Cause', '', 'A bad deploy.', '',
  );
  const model = analyze(text);
  assert.equal(model.actionItems.length, 2);
  const named = (symbols: ReturnType<typeof documentSymbols>): string[] => symbols.flatMap((s) => [s.name, ...(s.children ? named(s.children).map((child) => `${s.name} > ${child}`) : [])]);
  const paths = named(documentSymbols(model));
  assert.ok(paths.includes('Checkout outage postmortem > Lessons > Follow-ups > Add a circuit breaker @alice'), paths.join('\n'));
  assert.ok(paths.includes('Checkout outage postmortem > Lessons > Follow-ups > Load test the checkout'), paths.join('\n'));
});

test('an owner in parentheses ends where the next field begins: "(owner: @sam, due 2024-04-01)"', () => {
  const model = analyze(joinLines(
    '# Postmortem: queue backlog',
    '## Action Items',
    '- Alert on queue depth (owner: @sam, due 2024-04-01)',
    '- Rotate the signing keys (owner: Alice Ng; due: 2024-05-01)',
    '- Raise the DNS TTL (owner: Platform team)',
  ));
  assert.deepEqual(model.actionItems.map((item) => [item.owner?.text, item.due?.text]), [['@sam', '2024-04-01'], ['Alice Ng', '2024-05-01'], ['Platform team', undefined]]);
});

test('a bullet that only labels the list ("- A List Of Tasks To Address The Issue:") is no action; one with lines of its own is (corpus 003, 051)', () => {
  const texts = (...list: string[]) => analyze(joinLines('# Postmortem', '', '## Corrective and Preventative Measures', '', ...list, '')).actionItems.map((item) => item.text);
  assert.deepEqual(texts('- Improvements: regular audits of the load balancer.', '- A List Of Tasks To Address The Issue:', '- Patch the configuration.', '- Add monitoring.'),
    ['Improvements: regular audits of the load balancer.', 'Patch the configuration.', 'Add monitoring.']);
  assert.deepEqual(texts('1. Automated Testing:', '— Implement automated tests for deployments.'), ['Automated Testing: — Implement automated tests for deployments.']);
});

test('lines under "Specific Tasks to Address the Issue:" with bullets pasted from a word processor ("•\tScript Validation: …", held-out set 14) are one action a line, without the bullet', () => {
  const texts = (...list: string[]) => analyze(joinLines('# Postmortem', '', 'Corrective and preventative measures', ...list, '')).actionItems.map((item) => item.text);
  assert.deepEqual(texts('', 'Specific Tasks to Address the Issue:', '•\tScript Validation: Create a pre-execution process to catch syntax errors.', '•\tFailover Simulation: Test automated failover regularly.'),
    ['Script Validation: Create a pre-execution process to catch syntax errors.', 'Failover Simulation: Test automated failover regularly.']);
});

test('items under a heading that says they are done are done: "### Completed", "### Corrective Measures Implemented", "### Short term (done)"; a box or a status of their own decides (held-out set 12)', () => {
  const done = (...list: string[]) => analyze(joinLines('# Postmortem', '', '## Corrective Actions', '', ...list, '')).actionItems.map((item) => `${item.done ? 'done' : 'open'} ${item.text}`);
  assert.deepEqual(done('### Completed', '- Validator node taken offline', '- [ ] Key rotated', '', '### Recommended Improvements', '- Pin the expected commit hash'),
    ['done Validator node taken offline', 'open Key rotated', 'open Pin the expected commit hash']);
  assert.deepEqual(done('### Corrective Measures Implemented', '- Direct node metrics monitoring'), ['done Direct node metrics monitoring']);
  assert.deepEqual(done('### Short term (done)', '- Alert on disk space', '### Long term', '- Failover'), ['done Alert on disk space', 'open Failover']);
  assert.deepEqual(done('### Actions to be taken', '- Alert on disk space', '### Not yet implemented', '- Failover'), ['open Alert on disk space', 'open Failover']);
});

test('an item told in the past tense is done: "**Fix the script logic:** Corrected the directory target" (held-out set 13), "Added `--invalid-block-roots` flag" (set 12), "Expanded our internal monitoring system" (corpus 019); a participle that plans, an open box or a status says otherwise', () => {
  const done = (...list: string[]) => analyze(joinLines('# Postmortem', '', '## Corrective Actions', '', ...list, '')).actionItems.map((item) => `${item.done ? 'done' : 'open'} ${item.text}`);
  assert.deepEqual(done('* **Fix the script logic:** Corrected the directory target and the time filter.', '* **Least privilege:** Avoided `chmod 777` during triage.',
    '* **Enforce strict shell failure handling:** Prepend `set -euo pipefail` to the script.'), [
    'done Fix the script logic: Corrected the directory target and the time filter.', 'done Least privilege: Avoided chmod 777 during triage.',
    'open Enforce strict shell failure handling: Prepend set -euo pipefail to the script.']);
  assert.deepEqual(done('- Added `--invalid-block-roots` flag to invalidate problematic blocks', '- Expanded our internal monitoring system', '- Improved the retry logic'),
    ['done Added --invalid-block-roots flag to invalidate problematic blocks', 'done Expanded our internal monitoring system', 'done Improved the retry logic']);
  assert.deepEqual(done('- Improved alerting on disk usage', '- Updated runbooks for failover', '- Add the missing index', '- [ ] Fixed the flaky test', '- Added a canary stage (status: in progress)'), [
    'open Improved alerting on disk usage', 'open Updated runbooks for failover', 'open Add the missing index', 'open Fixed the flaky test', 'open Added a canary stage (status: in progress)']);
});

test('an HTML list in the action section ("<ol><li>…</li>") gives its items, read but never edited (corpus 008, 014)', () => {
  const text = joinLines('# Postmortem', '', '## Corrective and Preventative Measures', '', '### Tasks:',
    '<ol><li>Review the deploy process (owner: @sam, due 2024-05-01).</li>',
    '<li>Limit database connections.</li><li>Write the runbook',
    'for connection leaks.</li></ol>', '', '<p>This postmortem highlights the importance of monitoring.</p>', '');
  const model = analyze(text);
  assert.deepEqual(model.actionItems.map((item) => [item.kind, item.line, item.lastLine, item.text, item.owner?.text ?? null, item.due?.text ?? null]), [
    ['html', 5, 5, 'Review the deploy process (owner: @sam, due 2024-05-01).', '@sam', '2024-05-01'],
    ['html', 6, 6, 'Limit database connections.', null, null],
    ['html', 6, 7, 'Write the runbook for connection leaks.', null, null],
  ]);
  const item = model.actionItems[1];
  assert.deepEqual([placeholderEdits(model, item, 'owner'), markDoneEdits(model, item), listGroup(model, item)], [[], [], []], 'the markup is the writer\'s');
  // Outside an action section an HTML list is no plan.
  assert.deepEqual(analyze(text.replace('## Corrective and Preventative Measures', '## Resolution').replace('### Tasks:', '### Steps')).actionItems, []);
});
