// Every quick fix on real documents: apply it, re-analyse, and check that the problem is gone, that no
// new problem appeared, and that nothing the writer wrote was lost (or, for the sort, only reordered).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { CORPUS, CORPUS_SKIP, analyze, joinLines, readCorpus, readFixture, settingsWith } from '../helpers';
import { computeDiagnostics } from '../../server/src/features/diagnostics';
import { codeActions } from '../../server/src/features/codeActions';
import { applyEdits } from '../../server/src/features/fixAll';
import { FIX_ALL_KIND } from '../../server/src/protocol';
import { isSubsequence } from '../fuzz/properties';

const URI = 'file:///doc-postmortem.md';
const settings = settingsWith();

function diagnosticsOf(text: string): Diagnostic[] {
  return computeDiagnostics(analyze(text), settings);
}

function actionsFor(text: string, diagnostic: Diagnostic): CodeAction[] {
  return codeActions(analyze(text), URI, [diagnostic], settings, null);
}

function apply(text: string, action: CodeAction): string {
  return applyEdits(text, (action.edit?.changes?.[URI] ?? []) as TextEdit[]);
}


const sortedLines = (text: string) => text.split(/\r\n|\r|\n/).sort().join('\n');

function key(diagnostic: Diagnostic): string {
  return `${diagnostic.code} ${JSON.stringify(diagnostic.data)}`;
}

function checkEveryFix(name: string, text: string): number {
  let applied = 0;
  const before = diagnosticsOf(text);
  for (const diagnostic of before) {
    for (const action of actionsFor(text, diagnostic)) {
      const fixed = apply(text, action);
      const where = `${name}: "${action.title}" for ${diagnostic.code} at line ${diagnostic.range.start.line + 1}`;
      assert.notEqual(fixed, text, `${where} changed nothing`);
      if (diagnostic.code === 'timeline-out-of-order' && (diagnostic.data as { twelve?: unknown }).twelve) {
        // AM and PM turned: one letter for each entry of the run, nothing else.
        assert.equal(fixed.length, text.length, `${where}: only letters turned`);
        assert.ok([...fixed].filter((c, i) => c !== text[i]).every((c) => /[AaPp]/.test(c)), `${where}: only AM/PM letters turned`);
      } else if (diagnostic.code === 'timeline-out-of-order') {
        assert.equal(sortedLines(fixed), sortedLines(text), `${where}: the sort only reorders whole lines`);
      } else if (diagnostic.code === 'timeline-entries-run-on') {
        // Line breaks for spaces, a list marker where an entry had none: every word kept, in order.
        assert.ok(isSubsequence(text.replace(/\s/g, ''), fixed.replace(/\s/g, '')), `${where} deleted text`);
        assert.ok(fixed.split('\n').length > text.split('\n').length, `${where}: no line broken`);
      } else if (diagnostic.code !== 'duration-mismatch' && diagnostic.code !== 'timeline-unparsed-time') {
        assert.ok(isSubsequence(text, fixed), `${where} deleted text`);
      }
      const after = diagnosticsOf(fixed);
      const afterKeys = new Set(after.map((d) => d.code));
      if (diagnostic.code === 'timeline-out-of-order') assert.ok(!afterKeys.has('timeline-out-of-order'), `${where}: still out of order`);
      else if (diagnostic.code === 'timeline-missing-timezone' && (diagnostic.data as { scope: string }).scope === 'timeline') assert.ok(!afterKeys.has('timeline-missing-timezone'), `${where}: still no zone`);
      else assert.ok(!after.some((d) => key(d) === key(diagnostic) && d.range.start.line === diagnostic.range.start.line), `${where}: the problem is still there`);
      const beforeCodes = new Set(before.map((d) => d.code));
      // A summary inserted (whole, or its heading over the facts the document writes under its title)
      // is read as one: each field it does not state yet is reported until it does.
      const insertsSummary = diagnostic.code === 'section-missing' && /Summary|Overview/.test((diagnostic.data as { title: string }).title);
      const fresh = after.filter((d) => !beforeCodes.has(d.code) && !(insertsSummary && d.code === 'summary-field-missing'));
      assert.deepEqual(fresh.map((d) => `${d.code}: ${d.message}`), [], `${where}: new problems`);
      applied++;
    }
  }
  return applied;
}

test('every quick fix on the fixtures', () => {
  const applied = ['problems.md', 'not-a-postmortem.md', 'bold-midnight.md'].reduce((n, file) => n + checkEveryFix(file, readFixture(file)), 0);
  assert.ok(applied >= 8, `only ${applied} fixes applied`);
});

test('every quick fix on every corpus document', { skip: CORPUS_SKIP }, () => {
  let applied = 0;
  for (const file of readdirSync(CORPUS).filter((name) => /^\d+\.md$/.test(name))) applied += checkEveryFix(file, readCorpus(file));
  assert.ok(applied > 150, `only ${applied} fixes applied`);
});

test('the missing section goes where the profile wants it, in the document\'s style', () => {
  const bold = joinLines('**Issue Summary:**', '- **Duration:** 1 hour, from 10:00 UTC to 11:00 UTC', '- **Impact:** all users', '- **Root cause:** a typo', '', '**Root Cause and Resolution:**', 'Fixed it.', '', '**Corrective and Preventive Measures:**', '- Check it.');
  const [missing] = diagnosticsOf(bold).filter((d) => d.code === 'section-missing');
  const fixed = apply(bold, actionsFor(bold, missing)[0]);
  assert.match(fixed, /- \*\*Root cause:\*\* a typo\n\n\*\*Timeline:\*\*\n\n- \*\*HH:MM UTC:\*\* What happened\.\n\n\*\*Root Cause and Resolution:\*\*/);
  const setext = joinLines('Postmortem', '==========', '', 'Timeline', '--------', '', '- 10:00 UTC a');
  const fix = actionsFor(setext, diagnosticsOf(setext).find((d) => d.code === 'section-missing')!)[0];
  assert.match(apply(setext, fix), /Issue Summary\n-------------\n/);
});

test('a missing summary whose facts stand under the title gets its heading there, so they stay its facts (corpus 017, 040); the fields fix fills an empty label', () => {
  const rest = ['**Timeline**:', '* 13:20 EAT - alert fired', '* 13:50 EAT - fixed', '', '### Root cause and Resolution', 'Bad key permissions; fixed them.', '', '### Corrective and Preventive Measures', '- Check key permissions', ''];
  const underTitle = joinLines('# Postmortem', '**Duration: 30 mins** (13:20 ~ 13:30 EAT).', '', '**Impact**: 40% of users could not log in.', '', '**Root cause**: Incorrect SSH key permissions.', '', ...rest);
  const missing = diagnosticsOf(underTitle).find((d) => d.code === 'section-missing')!;
  assert.equal((missing.data as { headingOnly?: boolean }).headingOnly, true);
  const fixed = apply(underTitle, actionsFor(underTitle, missing)[0]);
  assert.ok(fixed.startsWith(joinLines('# Postmortem', '', '### Issue Summary', '', '**Duration: 30 mins**')), fixed.slice(0, 80));
  // Its facts are the summary's now: the stated 30 minutes against the stated 10 are still told.
  assert.deepEqual(diagnosticsOf(fixed).map((d) => d.code), ['duration-mismatch']);
  // Facts split from the end of the preamble by a heading stay where they are; the summary comes whole, after them.
  const split = joinLines('# Postmortem', 'From 10:00 to 11:00 UTC every user got errors, because of a typo.', '', '# What I learned', 'Typos matter.', '', '## Timeline', '- 10:00 UTC alert', '- 11:00 UTC fixed', '',
    '## Root Cause and Resolution', 'A typo; fixed.', '', '## Corrective and Preventive Measures', '- Lint configs', '');
  const splitMissing = diagnosticsOf(split).find((d) => d.code === 'section-missing')!;
  assert.equal((splitMissing.data as { headingOnly?: boolean }).headingOnly, undefined);
  const whole = apply(split, actionsFor(split, splitMissing)[0]);
  // The window the model knows is written in at once: filled one by one, two of the three would state
  // the third and leave its label empty.
  assert.match(whole, /Typos matter\.\n\n## Issue Summary\n\n- \*\*Duration:\*\* 1h\n- \*\*Start time:\*\* 10:00 UTC\n- \*\*End time:\*\* 11:00 UTC\n- \*\*Impact:\*\* \n/);
  // Its empty fields are reported, and each fix fills its own label rather than adding a line.
  const impact = diagnosticsOf(whole).find((d) => d.code === 'summary-field-missing' && (d.data as { field: string }).field === 'impact')!;
  const filled = apply(whole, actionsFor(whole, impact)[0]);
  assert.match(filled, /- \*\*Impact:\*\* TBD\n- \*\*Root cause:\*\* \n/);
  assert.equal(filled.split('Impact:').length, 2, 'one Impact label');
});

test('a missing section keeps the document\'s own layout: with its Timeline after the analysis, a summary goes before the analysis and a missing half of it beside the other', () => {
  const insertOnly = (text: string, title: string) => {
    const missing = diagnosticsOf(text).find((d) => d.code === 'section-missing' && (d.data as { title: string }).title === title)!;
    return apply(text, actionsFor(text, missing)[0]);
  };
  const timeline = ['## Timeline', '- 10:00 UTC halt', '- 13:00 UTC blocks again', ''];
  const noSummary = joinLines('# Incident report: chain halt', '', '## Root Cause', 'A state migration bug.', '', '## Resolution', 'Patched.', '', '## Action Items', '- [ ] Add an upgrade test', '', ...timeline);
  const withSummary = insertOnly(noSummary, 'Issue Summary');
  assert.ok(withSummary.indexOf('## Issue Summary') < withSummary.indexOf('## Root Cause'), withSummary);
  assert.deepEqual(diagnosticsOf(withSummary).filter((d) => d.code === 'section-order'), []);
  const noFix = joinLines('# Incident report: chain halt', '', '## Summary', 'From 10:00 to 13:00 UTC blocks halted; a bug.', '', '## Root Cause', 'A state migration bug.', '', '## Action Items', '- [ ] Add an upgrade test', '', ...timeline);
  const withFix = insertOnly(noFix, 'Resolution and Recovery');
  assert.ok(withFix.indexOf('## Resolution and Recovery') < withFix.indexOf('## Action Items'), withFix);
  assert.deepEqual(diagnosticsOf(withFix).filter((d) => d.code === 'section-order'), []);
  // The classic layout, the action items after the Timeline: the cause goes between them.
  const classic = joinLines('# Postmortem', '', '## Issue Summary', 'From 10:00 to 13:00 UTC blocks halted; a bug.', '', ...timeline, '## Corrective and Preventive Measures', '- [ ] Add an upgrade test', '');
  const fixed = insertOnly(classic, 'Root Cause and Resolution');
  assert.ok(fixed.indexOf('## Timeline') < fixed.indexOf('## Root Cause and Resolution') && fixed.indexOf('## Root Cause and Resolution') < fixed.indexOf('## Corrective'), fixed);
});

test('an inserted summary leaves the end to the writer when the window runs a day or more with no dates: as clocks alone it would read back as minutes', () => {
  const text = joinLines('## Compose apps not available', '', '### Timeline of Events',
    '* **15:00 UTC(Sat)** All objects have been restored.', '* **20:30 UTC** Script is still running.', '* **18:00 UTC** Restore script begins.',
    '* **15:00 UTC** Root cause identified.', '* **14:30 UTC** We are investigating a report of devices failing to update.', '',
    '### Root Cause', 'A garbage collector deleted shared blobs.', '', '### Resolution', 'Restored from backups.', '',
    '### Corrective and Preventive Measures', '- [ ] Dry-run the collector on a copy first.', '');
  assert.equal(analyze(text).incident.durationMinutes, 24 * 60 + 30);
  const missing = diagnosticsOf(text).find((d) => d.code === 'section-missing' && /Summary/.test((d.data as { title: string }).title))!;
  const fixed = apply(text, actionsFor(text, missing)[0]);
  assert.match(fixed, /- \*\*Duration:\*\* 1d 30m\n- \*\*Start time:\*\* 14:30 UTC\n- \*\*End time:\*\* \n/);
  assert.deepEqual(diagnosticsOf(fixed).filter((d) => d.code === 'duration-mismatch'), []);
  assert.equal(analyze(fixed).incident.durationMinutes, 24 * 60 + 30);
});

test('a missing section never cuts code, an HTML block or a table in two; one that runs unclosed to the end gets the section before it', () => {
  const sectionLines = (text: string) => analyze(text).sections.map((section) => `${section.line} ${section.title}`);
  const insertOnly = (text: string, title: string) => {
    const missing = diagnosticsOf(text).find((d) => d.code === 'section-missing' && (d.data as { title: string }).title === title)!;
    return apply(text, actionsFor(text, missing)[0]);
  };
  const summary = ['- **Duration:** 1 hour, from 10:00 UTC to 11:00 UTC', '- **Impact:** all users', '- **Root cause:** a typo'];
  const measures = ['', '## Corrective and Preventive Measures', '', '- [ ] Check it.'];
  // The Timeline heading is the first line of an HTML block that goes on to the next line.
  const html = joinLines('# Postmortem', '## Issue Summary', ...summary, '', '<h2>Timeline</h2>', '<p>10:00 UTC a</p>', '', ...measures.slice(1));
  const afterHtml = insertOnly(html, 'Root Cause and Resolution');
  assert.match(afterHtml, /<h2>Timeline<\/h2>\n<p>10:00 UTC a<\/p>\n\n## Root Cause and Resolution\n/);
  // An unclosed fence or HTML comment at the end would swallow the section: it goes before them.
  for (const tail of [['```', 'logs 10:05', ''], ['<!--', 'draft notes', '']]) {
    const text = joinLines('# Postmortem', '## Issue Summary', ...summary, '', '## Timeline', '- 10:00 UTC a', ...measures, '', ...tail);
    const fixed = insertOnly(text, 'Root Cause and Resolution');
    assert.ok(fixed.endsWith(joinLines('', tail[0], ...tail.slice(1))), `${tail[0]}: the block stays last`);
    assert.ok(sectionLines(fixed).some((line) => line.endsWith('Root Cause and Resolution')), `${tail[0]}: the section is read`);
  }
  // A closed fence at the end keeps its place before the new section.
  const closed = joinLines('# Postmortem', '## Issue Summary', ...summary, '', '## Timeline', '- 10:00 UTC a', '', '```', 'logs', '```');
  assert.match(insertOnly(closed, 'Root Cause and Resolution'), /```\nlogs\n```\n\n## Root Cause and Resolution\n/);
  // The fuzz's counterexample: fix-all once is fix-all for good.
  const fuzzed = '# Postmortem: API outage\n<h2>😀 Timeline</h2>\n## Issue Summary\n<!--\n\n```';
  const raw = { profile: 'pagerduty', timeZone: 'UTC' };
  const pagerduty = settingsWith(raw);
  const [fixAll] = codeActions(analyze(fuzzed, raw), URI, [], pagerduty, null, [FIX_ALL_KIND]);
  const once = apply(fuzzed, fixAll);
  assert.deepEqual(codeActions(analyze(once, raw), URI, [], pagerduty, null, [FIX_ALL_KIND]), [], 'idempotent');
});

test('sort moves whole entries with their nested content, and keeps date lines in place', () => {
  const text = joinLines('# Postmortem', '## Timeline (UTC)', '- 10:00 a', '  - detail of a', '- 10:30 c', '- 10:10 b', '  more about b', '', '### 2024-05-02', '- 09:00 next day');
  const diagnostic = diagnosticsOf(text).find((d) => d.code === 'timeline-out-of-order')!;
  const fixed = apply(text, actionsFor(text, diagnostic).find((a) => a.title.startsWith('Sort'))!);
  assert.equal(fixed, joinLines('# Postmortem', '## Timeline (UTC)', '- 10:00 a', '  - detail of a', '- 10:10 b', '  more about b', '- 10:30 c', '', '### 2024-05-02', '- 09:00 next day'));
});

test('a timeline written newest first is turned over, whole entries with their nested content, keeping what its writer meant', () => {
  // Sorting by the clock would put the next day's "15:00 UTC(Sat)" among the first day's; turning it over keeps it last.
  const text = joinLines('# Postmortem', '## Timeline', '* **15:00 UTC(Sat)** All restored.', '* **20:30 UTC** Still running.', '* **15:00 UTC** Root cause identified:',
    '  * build cache layers missing', '', '* **14:45 UTC** Objects missing.', '* **14:30 UTC** Investigating.');
  const diagnostic = diagnosticsOf(text).find((d) => d.code === 'timeline-out-of-order')!;
  const actions = actionsFor(text, diagnostic);
  assert.deepEqual(actions.map((a) => a.title), ['Turn the timeline over (oldest first)']);
  assert.equal(apply(text, actions[0]), joinLines('# Postmortem', '## Timeline', '* **14:30 UTC** Investigating.', '* **14:45 UTC** Objects missing.', '* **15:00 UTC** Root cause identified:',
    '  * build cache layers missing', '', '* **20:30 UTC** Still running.', '* **15:00 UTC(Sat)** All restored.'));
  // An entry out of place in a timeline that runs forward is still sorted, not turned over.
  const forward = joinLines('# Postmortem', '## Timeline (UTC)', '- 10:00 a', '- 10:30 c', '- 10:10 b');
  const sortAction = actionsFor(forward, diagnosticsOf(forward).find((d) => d.code === 'timeline-out-of-order')!);
  assert.deepEqual(sortAction.map((a) => a.title), ['Sort timeline chronologically']);
});

test('fix-all turns a newest-first timeline over, and a second run changes nothing', () => {
  const text = joinLines('# Postmortem', '## Timeline (UTC)', '- 19:59 Resolved.', '- 19:45 Monitoring.', '- 19:21 Identified.', '- 19:00 Investigating.');
  const [fixAll] = codeActions(analyze(text), URI, [], settings, null, [FIX_ALL_KIND]);
  const once = apply(text, fixAll);
  assert.match(once, /- 19:00 Investigating\.\n- 19:21 Identified\.\n- 19:45 Monitoring\.\n- 19:59 Resolved\./);
  assert.ok(!diagnosticsOf(once).some((d) => d.code === 'timeline-out-of-order'));
  assert.deepEqual(codeActions(analyze(once), URI, [], settings, null, [FIX_ALL_KIND]), []);
});

test('zone fixes: on the entry, or on the heading for all', () => {
  const text = joinLines('# Postmortem', '**Timeline:**', '- **10:00 AM:** a', '- **10:05 AM:** b');
  const diagnostic = diagnosticsOf(text).find((d) => d.code === 'timeline-missing-timezone')!;
  const [heading] = actionsFor(text, diagnostic);
  assert.match(apply(text, heading), /\*\*Timeline \(UTC\):\*\*/);
  const mixed = joinLines('# Postmortem', '## Timeline', '- 09:00 a', '- 10:00 GMT+1 b');
  const entry = diagnosticsOf(mixed).find((d) => d.code === 'timeline-missing-timezone')!;
  const actions = actionsFor(mixed, entry);
  assert.equal(actions[0].title, 'Add GMT+1 to this entry');
  assert.match(apply(mixed, actions[0]), /- 09:00 GMT\+1 a/);
});

test('duration fix writes the computed duration the way the document writes durations', () => {
  const doc = (stated: string) => joinLines('# Postmortem', '## Issue Summary', `From 10:00 UTC to 12:15 UTC; the outage lasted ${stated}.`);
  const fix = (stated: string) => {
    const text = doc(stated);
    const diagnostic = diagnosticsOf(text).find((d) => d.code === 'duration-mismatch')!;
    return apply(text, actionsFor(text, diagnostic)[0]);
  };
  assert.match(fix('3 hours and 10 minutes'), /lasted 2 hours and 15 minutes\./);
  assert.match(fix('3h 10m'), /lasted 2h 15m\./);
  assert.match(fix('45 min'), /lasted 135 min\./);
});

test('fix-all on a text where a section it could not add at first can be added later: a second run still changes nothing (corpus 084 under a second byte order mark)', { skip: CORPUS_SKIP }, () => {
  // Found by the fuzz: the first run used to leave "Impact" and "Trigger" missing (tried early, undone),
  // and a second run added them.
  const text = `\uFEFF${readCorpus('084.md')}`;
  for (const raw of [{ profile: 'google-sre' }, { profile: 'pagerduty' }]) {
    const configured = settingsWith(raw);
    const [fixAll] = codeActions(analyze(text, raw), URI, [], configured, null, [FIX_ALL_KIND]);
    const once = apply(text, fixAll);
    assert.deepEqual(codeActions(analyze(once, raw), URI, [], configured, null, [FIX_ALL_KIND]), [], `${raw.profile}: idempotent`);
  }
});

test('fix-all applies every safe fix at once, and a second time changes nothing', () => {
  for (const text of [readFixture('problems.md'), readFixture('not-a-postmortem.md'), joinLines('# Postmortem', '## Timeline', '- 10:30 UTC b', '- 10:00 UTC a')]) {
    const model = analyze(text);
    const [fixAll] = codeActions(model, URI, [], settings, null, [FIX_ALL_KIND]);
    assert.equal(fixAll.kind, FIX_ALL_KIND);
    const once = apply(text, fixAll);
    const codes = diagnosticsOf(once).map((d) => d.code);
    assert.ok(!codes.includes('section-missing') && !codes.includes('timeline-out-of-order') && !codes.includes('summary-field-missing'), codes.join());
    assert.deepEqual(codeActions(analyze(once), URI, [], settings, null, [FIX_ALL_KIND]), [], 'idempotent');
  }
  assert.deepEqual(codeActions(analyze(readFixture('classic-complete.md')), URI, [], settings, null, ['source']), []);
});

test('fix-all turns the timeline over before it fills the summary from it: a day named anew ("15:00 UTC(Sat)") is the next day, and the window runs to it', () => {
  const text = joinLines('# Postmortem', '## Issue Summary', '- **Impact:** builds failed because a cleanup deleted objects.', '',
    '## Timeline', '* **15:00 UTC(Sat)** All objects restored.', '* **20:30 UTC** Restore script still running.', '* **18:00 UTC** Restore script begins.', '* **14:45 UTC** Objects found missing.',
    '* **14:30 UTC** We are investigating a report of devices failing to update.', '',
    '## Root Cause and Resolution', 'A cleanup job; objects restored from backups.', '', '## Corrective and Preventive Measures', '- Dry-run the cleanup', '');
  const [fixAll] = codeActions(analyze(text), URI, [], settings, null, [FIX_ALL_KIND]);
  const once = apply(text, fixAll);
  assert.match(once, /\* \*\*14:30 UTC\*\* We are investigating[^\n]*\n\* \*\*14:45 UTC[^\n]*\n\* \*\*18:00 UTC[^\n]*\n\* \*\*20:30 UTC[^\n]*\n\* \*\*15:00 UTC\(Sat\)\*\* All objects restored\./);
  assert.match(once, /- \*\*Duration:\*\* 1d 30m\n- \*\*Start time:\*\* 14:30 UTC\n/);
  const { incident } = analyze(once);
  assert.equal(incident.durationMinutes, 24 * 60 + 30);
  assert.ok(!diagnosticsOf(once).some((d) => d.code === 'timeline-out-of-order' || d.code === 'duration-mismatch'));
});

test('a timeline that opens on the response ("Investigating.", "on-call paged") opens on the incident, not a lead-up: fix-all writes its window in', () => {
  for (const first of ['Investigating.', 'Support noticed the queue growing.', 'On-call paged.']) {
    const text = joinLines('# Postmortem', '## Issue Summary', '- **Impact:** builds failed because a cleanup deleted objects.', '',
      '## Timeline', `* **14:30 UTC** ${first}`, '* **15:30 UTC** Objects restored.', '',
      '## Root Cause and Resolution', 'A cleanup job; objects restored from backups.', '', '## Corrective and Preventive Measures', '- Dry-run the cleanup', '');
    const [fixAll] = codeActions(analyze(text), URI, [], settings, null, [FIX_ALL_KIND]);
    assert.match(apply(text, fixAll), /- \*\*Duration:\*\* 1h\n- \*\*Start time:\*\* 14:30 UTC\n/, first);
  }
});

test('twelve o\'clock\'s half written the other way ("12:15 AM" after "12:00 PM") is read as meant, reported once for the run, and turned by its fix; midnight stays midnight', () => {
  const text = joinLines('# Postmortem', '## Timeline (WAT)', '- 11:30 AM upgrade starts', '- 12:00 PM downtime starts', '- 12:15 AM pagers fire', '- 12:45 am all traffic back', '- 1:10 PM postmortem opened');
  const model = analyze(text);
  assert.deepEqual(model.timeline.map((entry) => (entry.axis as number) - (model.timeline[0].axis as number)), [0, 30, 45, 75, 100]);
  const reported = diagnosticsOf(text).filter((d) => d.code === 'timeline-out-of-order');
  assert.equal(reported.length, 1);
  assert.match(String(reported[0].message), /"12:15 AM" would come hours before "12:00 PM" \(line 4\); it is read as 12:15 PM, minutes after it, as is the entry after it\. Write PM\./);
  const [fix] = actionsFor(text, reported[0]);
  assert.equal(fix.title, 'Write the 2 times the other way (AM and PM)');
  assert.equal(apply(text, fix), text.replace('12:15 AM', '12:15 PM').replace('12:45 am', '12:45 pm'));
  // Fix-all leaves it to the writer.
  const [fixAll] = codeActions(analyze(text), URI, [], settings, null, [FIX_ALL_KIND]);
  assert.match(apply(text, fixAll), /- 12:15 AM pagers fire\n- 12:45 am all traffic back/);
  // "12:20 PM" after "11:40 PM": the next day's 12:20 AM.
  const night = analyze(joinLines('# Postmortem', '## Timeline (UTC)', '- 11:40 PM alert', '- 11:55 PM paged', '- 12:20 PM fixed'));
  assert.equal((night.timeline[2].axis as number) - (night.timeline[0].axis as number), 40);
  assert.match(String(diagnosticsOf(night.text).find((d) => d.code === 'timeline-out-of-order')?.message), /read as 12:20 AM the next day, minutes after it\. Write AM\./);
  // Past midnight written right, and noon after a late morning: nothing to read the other way.
  for (const right of [joinLines('# Postmortem', '## Timeline (UTC)', '- 11:40 PM alert', '- 12:10 AM fixed'), joinLines('# Postmortem', '## Timeline (UTC)', '- 11:40 AM alert', '- 12:10 PM fixed')]) {
    assert.ok(!diagnosticsOf(right).some((d) => d.code === 'timeline-out-of-order'));
    assert.equal(analyze(right).timeline.some((entry) => entry.twelveSlip), false);
  }
  // The summary's window too: "From ~11 AM to 12:30 AM" is an hour and a half.
  assert.equal(analyze(joinLines('# Postmortem', '## Issue Summary', 'From ~11 AM to 12:30 AM WAT the home page served 500s because of a bad config.')).incident.durationMinutes, 90);
});
