// Issue 16: reading real postmortems as a careful person does. Invented documents in the styles the
// corpus shows; each class has its test here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, analyze, clockOf, codesOf, diagnosticsOf, joinLines, settingsWith } from '../helpers';
import { incidentLifecycle } from '../../server/src/features/lifecycle';
import { isPostmortemDocument } from '../../server/src/core/detect';
import { DEFAULT_INCLUDE } from '../../server/src/core/config';
import { frontMatterOf } from '../../server/src/core/markdown';
import { hover } from '../../server/src/features/hover';

const SRE_LABELLED = joinLines(
  'Search Postmortem (incident #12)',
  '=================================',
  '',
  '**Date**: 2024-03-02',
  '',
  '**Summary**: Search was down for 66 minutes after a surge of traffic.',
  '',
  '**Impact**:^[1](https://example.com/n1)^ About 40% of queries failed.',
  '',
  '**Root Causes**: A leak of file descriptors under load.',
  '',
  '**Trigger**: A sudden increase in traffic.',
  '',
  '**Resolution**: Moved traffic to a spare cluster and added capacity.',
  '',
  '**Detection**: Monitoring paged the on-call engineer.',
  '',
  '**Action Items**:',
  '',
  '- Add load shedding',
  '',
  'Lessons Learned',
  '---------------',
  '',
  'We were lucky.',
  '',
  'Timeline',
  '--------',
  '',
  '2024-03-02 *(all times UTC)*',
  '',
  '-   09:10 A post points people at search',
  '-   09:13 **OUTAGE BEGINS** --- backends fall over',
  '-   09:20 **INCIDENT BEGINS** an incident is declared',
  '-   09:50 **OUTAGE MITIGATED**, traffic moved',
  '-   10:19 **OUTAGE ENDS**, all traffic balanced',
  '-   10:49 **INCIDENT ENDS**, 30 minutes of nominal performance',
);

test('labelled paragraphs are the SRE template\'s sections, and the auto profile picks google-sre', () => {
  const model = analyze(SRE_LABELLED);
  assert.equal(model.profile.name, 'google-sre');
  assert.equal(model.profileSource, 'document');
  assert.deepEqual(model.sections.map((s) => s.id), ['summary', 'impact', 'root-causes', 'trigger', 'resolution', 'detection', 'action-items', 'lessons-learned', 'timeline']);
  assert.deepEqual(codesOf(SRE_LABELLED), []);
});

test('an emoji opening a paragraph sets its label apart as a section, bold or not ("📅 Timeline: Buckle up …", a held-out ALX report)', () => {
  const text = joinLines('# Postmortem: Web Stack Outage', '',
    '📝 Issue Summary: from August 18, 2024, 14:00 UTC to August 19, 2024, 02:00 UTC the site was down for every user. The root cause was a failed database disk.', '',
    '📅 Timeline: Buckle up and hold on tight! Here is how it unfolded:', '',
    '- August 18, 2024, 14:00 UTC: the issue was detected by an alert', '- August 19, 2024, 02:00 UTC: service restored', '',
    '🔧 **Root Cause and Resolution:** a failed disk; the database team replaced it.', '',
    '🛠️ Corrective and Preventative Measures: Building a Fortified Castle! To prevent this:', '', '1. Add a spare disk');
  assert.deepEqual(analyze(text).sections.map((s) => s.id), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
  assert.deepEqual(codesOf(text).filter((code) => code === 'section-missing'), []);
  // Without the emoji, a plain "Timeline: …" sentence in a paragraph is no section (it may be a summary's field).
  assert.ok(!analyze(text.replace('📅 Timeline:', 'Timeline:')).sections.some((s) => s.id === 'timeline' && s.line === 4));
});

test('lessons learned that hold the actions done and to do are the measures too (held-out reports: "**TODO**:" paragraphs; "Here\'s what we\'re doing to prevent …" and a list)', () => {
  const head = joinLines('# Postmortem: staging disk full', '', '## Summary', '', 'On 2024-04-12 from 10:00 to 12:00 UTC the staging sites were down for every user: the disk was full.', '',
    '## Timeline', '', '- 10:00 UTC disk full', '- 12:00 UTC disk cleaned', '', '## Root Cause and Resolution', '', 'A split disk left no room; we cleaned it.', '');
  const tasks = joinLines(head, '## Lessons learned', '', 'The Proxmox graph is easier to read than zpool list.', '',
    '**DONE**: Alex added the wiki to the monitored sites.', '', '**TODO**: monitor systemd to see services down.', '', '**DOING** the import checks the disk space first.');
  assert.deepEqual(analyze(tasks).sections.map((s) => s.id), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
  assert.deepEqual(codesOf(tasks).filter((code) => code === 'section-missing'), []);
  const preventing = joinLines(head, '### Lessons Learned (the Fun Part)', '', "It was a crash course. Here's what we're doing to prevent future product disappearances:", '',
    '* **Code Review Boot Camp:** sharper reviews.', '* **Monitoring Mania:** alerts at the first sign of trouble.');
  assert.deepEqual(codesOf(preventing).filter((code) => code === 'section-missing'), []);
  // Lessons that hold no actions are not the measures; nor are they when the measures have their own section.
  const lessonsOnly = joinLines(head, '## Lessons learned', '', '- Port scans are worth doing.', '- Double NAT confuses Plex.');
  assert.deepEqual(codesOf(lessonsOnly).filter((code) => code === 'section-missing'), ['section-missing']);
  const both = joinLines(tasks, '', '## Corrective and Preventive Measures', '', '- Alert on disk use.');
  assert.deepEqual(analyze(both).sections.map((s) => s.id), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
  assert.equal(analyze(both).sections.at(-1)?.line, both.split('\n').indexOf('## Corrective and Preventive Measures'));
  // The SRE template's own Lessons Learned holding the tasks is its Action Items too.
  const sre = SRE_LABELLED.replace('**Action Items**:\n\n- Add load shedding\n\n', '').replace('We were lucky.\n', 'We were lucky.\n\n**TODO**: page the database team first.\n\n**DONE**: the runbook names the flag.\n');
  assert.ok(sre.includes('**TODO**') && !sre.includes('Add load shedding'));
  assert.deepEqual(codesOf(sre, { profile: 'google-sre' }).filter((code) => code === 'section-missing'), []);
  assert.deepEqual(codesOf(SRE_LABELLED.replace('**Action Items**:\n\n- Add load shedding\n\n', ''), { profile: 'google-sre' }).filter((code) => code === 'section-missing'), ['section-missing'], 'without the tasks, the Action Items are missing');
});

test('a document that opens with its summary\'s facts as headings ("### Outage :", "### Duration:", "### Impact:", "### Root Cause:") opens with its summary (a held-out ALX report)', () => {
  const text = joinLines('### Outage : ', 'Nobody could log in.', '', '### Duration:', 'On October 5, 2023, from 9:00 AM to 10:00 AM (GMT).', '',
    '### Impact:', '40% of the users could not log in.', '', '### Root Cause:', 'The root cause was a misconfigured database during maintenance.', '',
    '### Timeline:', '', '- 9:00 AM: alerts fired', '- 10:00 AM: the configuration was restored', '',
    'Root Cause and Resolution:', '', '### Root Cause:', 'A misconfigured database.', '', '### Resolution:', 'The configuration was restored.', '',
    'Corrective and Preventative Measures:', '', '- Review maintenance changes.');
  const model = analyze(text);
  assert.deepEqual(model.sections.map((s) => [s.id, s.line]).slice(0, 2), [['summary', 0], ['timeline', 12]]);
  assert.deepEqual(codesOf(text).filter((code) => code.startsWith('section-') || code === 'summary-field-missing'), []);
  // Not the SRE template's own sections: "## Impact" and "## Root Causes" first are those (corpus 116).
  const sre = joinLines('# Outage', '', '## Impact', '', 'Search was down.', '', '## Root Causes', '', 'A leak.', '', '## Trigger', '', 'Traffic.', '', '## Resolution', '', 'Capacity.');
  assert.ok(!analyze(sre, { profile: 'google-sre' }).sections.some((s) => s.id === 'summary'));
});

test('a security incident\'s "Description of the Vulnerability" is its root cause, past a "CVE - " before it (a held-out Chia report)', () => {
  const text = joinLines('# CATbleed', '', '## Issue Summary', '', 'On 2022-06-14 from 10:00 to 12:00 UTC every CAT1 wallet could be inflated: a bug in the standard.', '',
    '## Timeline', '', '- 10:00 UTC report received', '- 12:00 UTC offers invalidated', '', '## Resolution and recovery', '', 'A new standard, CAT2.', '',
    '## CVE - Description of the Vulnerability', '', 'The coin ID was a hash of the parent ID and more, concatenated.', '', '## Corrective and Preventive Measures', '', '- Audit the standards.');
  assert.deepEqual(analyze(text).sections.map((s) => s.id), ['summary', 'timeline', 'resolution', 'root-cause', 'corrective-and-preventive-measures']);
  assert.deepEqual(codesOf(text).filter((code) => code.startsWith('section-')), []);
});

test('"Contributing Factors" is the root cause, "Issue Description" the summary, "Remedial and Preventative Measures" the corrective ones (held-out reports; corpus 068)', () => {
  const text = joinLines('# Plex server outage', '', '### Issue Description:', '', 'From 10:00 to 12:00 UTC on 2020-01-12 nobody could stream: the disk was full.', '',
    '### Timeline', '', '- 10:00 UTC disk full', '- 12:00 UTC disk cleaned', '',
    '### Contributing factors', '', '- No alert on disk usage.', '', '### Steps to Resolution:', '', 'Cleaned the disk.', '',
    '**Remedial and Preventative Measures:', '', '- Alert at 80% disk use.');
  assert.deepEqual(analyze(text).sections.map((s) => s.id), ['summary', 'timeline', 'root-cause', 'resolution', 'corrective-and-preventive-measures']);
  assert.deepEqual(codesOf(text).filter((code) => code === 'section-missing'), []);
});

test('a last entry days after the rest that tells nothing put right is the aftermath, not the window\'s end ("received the incident report" two weeks later, a held-out report; corpus 069\'s "Product was patched" stays)', () => {
  const doc = (last: string) => joinLines('# 2023-01-04 - Outage of the website', '', '## Timeline', '',
    '- *2023-01-04 05:13*: The website monitor alerts on a server issue.', '- *2023-01-04 09:15*: Internal investigation starts.',
    '- *2023-01-04 14:30*: We ask the provider for the logs.', `- *2023-01-18 09:53*: ${last}`);
  const ended = (text: string) => analyze(text).incident.end?.text;
  assert.equal(ended(doc('We receive the incident report from the provider.')), '2023-01-04 14:30');
  assert.equal(ended(doc('Follow-up: the product was patched, no further action needed.')), '2023-01-18 09:53');
  // Days apart all along (a vulnerability worked through over weeks): the last is as far from the others as they are from each other.
  assert.equal(ended(doc('We receive the incident report from the provider.').replace('2023-01-04 14:30', '2023-01-12 14:30')), '2023-01-18 09:53');
});

test('the outage markers decide the incident window: no duration-mismatch against the stated 66 minutes', () => {
  const { incident } = analyze(SRE_LABELLED);
  assert.equal(incident.durationMinutes, 66);
  assert.equal(incident.statedDurationMinutes, 66);
  assert.equal(incident.start?.text, '09:13');
  assert.equal(incident.end?.text, '10:19');
});

test('Flutter\'s "<START OF OUTAGE>" and "<END OF OUTAGE>" mark the window too, and its summary\'s facts parted by <br> are read one by one', () => {
  // Held-out flutter/flutter postmortems: a summary of labelled facts joined by <br>, markers escaped in bold.
  const text = joinLines('Status: final<br>', 'Owners: @Hixie', '', '## Summary', '',
    'Description: Travis reported failures on builds<br>', 'Component: flutter repository<br>', 'Duration: 16h 45m<br>', 'User impact: every pull request failed', '',
    '## Timeline (all times in PST)', '', '### 2016-11-07', '',
    '**16:27** A new version of package:args is published', '**21:30** Builds start failing **&lt;START OF OUTAGE&gt;**<br>', '**21:36** ianh reports that all PRs are failing', '',
    '2016-11-08', '', '**13:08** Root cause identified', '**14:15** Fix lands. **\\<END OF OUTAGE>**', '**15:00** Postmortem started');
  const { incident, summary } = analyze(text);
  assert.deepEqual([incident.start?.text, incident.end?.text, incident.durationMinutes], ['21:30', '14:15', 16 * 60 + 45]);
  assert.equal(summary?.stated?.text, '16h 45m');
  assert.ok(summary?.fields.has('impact'));
  assert.ok(!codesOf(text).includes('duration-mismatch'));
  // In capitals only, as the SRE book's markers: "the end of the outage" in prose marks nothing.
  assert.equal(analyze(text.replace('**&lt;START OF OUTAGE&gt;**', 'near the start of the outage')).incident.start?.text, '16:27');
});

test('"**INCIDENT START:**" and "**INCIDENT END:**" mark the window (a homelab report), and a Japanese timeline\'s bold moments its lifecycle (**発生**, **検知**, **緩和策適用**, **復旧確認**)', () => {
  const homelab = analyze(joinLines('# Firewall lockout', '', '## Timeline', '- **21:00** - Changed the ISP router', '- **21:15** - **INCIDENT START:** Confirmed firewall blocking new IP',
    '- **21:40** - Rule updated', '- **22:00** - **INCIDENT END:** Access restored', ''));
  assert.deepEqual([homelab.incident.start?.text, homelab.incident.end?.text], ['21:15', '22:00']);
  const japanese = analyze(joinLines('# ポストモーテム', '', '## タイムライン', '', '| 時刻 (JST) | イベント |', '|---|---|',
    '| 2026-04-15 23:00 | 証明書の更新ジョブが停止 |', '| 2026-04-15 23:28:20 | **発生** — 証明書が期限切れ |', '| 2026-04-16 00:00 頃 | **検知** — ユーザー報告 |',
    '| 2026-04-16 00:25 | **緩和策適用** — BFF を再起動 |', '| 2026-04-16 00:26 | **復旧確認** — エラー 0/分 |', '| 2026-04-16 10:00 | 振り返り |', ''));
  const moments = incidentLifecycle(japanese, settingsWith({})).lifecycle.map((moment) => `${moment.moment} ${moment.source} ${moment.text}`);
  assert.deepEqual(moments, ['started marker 発生', 'detected marker 検知', 'mitigated marker 緩和策適用', 'resolved marker 復旧確認']);
  // In prose, the words are no markers.
  assert.equal(analyze(joinLines('# ポストモーテム', '', '## タイムライン', '- 2026-04-15 23:00 JST 発生 の原因を調査', '- 2026-04-16 01:00 JST 作業終了')).incident.start?.text, '2026-04-15 23:00 JST');
});

test('a named profile always wins over the document\'s sections; the front matter over the settings', () => {
  const model = analyze(SRE_LABELLED, { profile: 'classic' });
  assert.equal(model.profile.name, 'classic');
  assert.equal(model.profileSource, 'settings');
  const fromFrontMatter = analyze(joinLines('---', 'profile: pagerduty', '---', SRE_LABELLED), { profile: 'classic' });
  assert.equal(fromFrontMatter.profile.name, 'pagerduty');
  assert.equal(fromFrontMatter.profileSource, 'front-matter');
});

test('auto keeps the classic profile when a document names only one or two sections it has no place for', () => {
  const classicWithExtras = joinLines(
    '# Postmortem: login outage',
    'Summary:',
    'From 8:00 AM to 12:00 PM WAT users could not log in, because of a bad config.',
    'Impact:',
    'All users.',
    'Timeline:',
    '8:00 AM WAT: alerts fire',
    '11:55 AM WAT: fixed',
    'Root Cause and Resolution:',
    'A bad config, rolled back.',
    'Corrective and Preventative Measures:',
    '- Review configs',
    'Lessons Learned:',
    'Test configs.',
  );
  const model = analyze(classicWithExtras);
  assert.equal(model.profile.name, 'classic');
  assert.equal(model.profileSource, 'document');
  assert.equal(analyze('Nothing here at all.').profileSource, 'default');
});

const missingOf = (text: string) => analyze(text).requirements.filter((status) => status.spec.required && !status.present).map((status) => status.spec.title);

test('Atlassian\'s handbook template (Leadup, Fault, Response, Recovery, Five Whys, Backlog Check, Recurrence) is the atlassian profile, with nothing missing and no Trigger asked for (corpus 102, six held-out reports); the SRE book\'s own sections stay google-sre', () => {
  const atlassian = joinLines('# Publicly exposed GraphQL endpoint', '', '## Incident Summary', 'On June 25, 2021 a researcher reported the endpoint.', '',
    '## Lead-Up', 'A permissions check was incomplete.', '', '## Fault', 'Anyone could query private data.', '', '## Impact', 'No data was read.', '',
    '## Detection', 'A security researcher told us.', '', '## Response', 'The team patched the check.', '', '## Recovery', 'Deployed at 14:00 UTC.', '',
    '## Timeline', '- 09:00 UTC: report received', '- 14:00 UTC: fix deployed', '', '## Root Cause Identification: The Five Whys', '1. Why? The check was incomplete.', '',
    '## Root Cause', 'An incomplete authorization check.', '', '## Backlog Check', 'Nothing in the backlog.', '', '## Recurrence', 'First time.', '',
    '## Corrective Actions', '- [ ] Add an authorization test (@dev, 2021-07-15)', '');
  const model = analyze(atlassian);
  assert.equal(model.profile.name, 'atlassian');
  assert.deepEqual(model.requirements.filter((status) => status.spec.required && !status.present).map((status) => status.spec.title), []);
  assert.deepEqual(codesOf(atlassian).filter((code) => code.startsWith('section-')), []);
  assert.equal(model.sections.find((section) => section.id === 'five-whys')?.line, 27);
  // No Detection written: the template asks for it.
  assert.deepEqual(missingOf(atlassian.replace('## Detection\nA security researcher told us.\n', '')), ['Detection']);
  const sre = joinLines('# Postmortem', '## Summary', 'Down 1 h.', '## Impact', 'All users.', '## Root Causes', 'A bug.', '## Trigger', 'A deploy.', '## Resolution', 'Rolled back.',
    '## Detection', 'Alerts.', '## Action Items', '- [ ] Test', '## Lessons Learned', 'Test more.', '## Timeline', '- 10:00 UTC: deploy', '- 11:00 UTC: rolled back', '');
  assert.equal(analyze(sre).profile.name, 'google-sre');
});

test('a label that is one of a known section\'s facts ("- **Trigger**: the patched runtime" under "## Impact", a held-out Decentraland report) does not count toward choosing a profile', () => {
  const doc = (trigger: string) => joinLines('# June 18, 2026 - Mass request failures', '', '## What happened?', 'Outbound requests failed after a runtime patch.', '',
    '## Why did it happen?', 'A gzip handling change.', '', '## Issue Timeline - UTC', '- 22:00 UTC: errors begin', '- 23:44 UTC: recovered', '',
    '## Impact', '- **Users affected**: nearly all.', trigger, '', '## Solution', 'Pinned the runtime.', '', '## Preventive Actions', '- [ ] Canary runtime patches', '');
  assert.equal(analyze(doc('- **Trigger**: Adoption of the patched Node.js runtime.')).profile.name, 'classic');
  assert.equal(analyze(doc('- **Scope**: every region.')).profile.name, 'classic');
});

test('found by the title in its common variants: spaced, Setext, after blank lines, a space or an image', () => {
  const says = (text: string) => isPostmortemDocument('/repo/docs/notes.md', text, null, DEFAULT_INCLUDE);
  for (const title of ['Incident Report', 'Post Mortem: DB', 'Postmortem Report', 'Outage Report - API', 'Incident Review', 'Post-Incident Report', 'Root Cause Analysis: login']) {
    assert.ok(says(`# ${title}\n\nText.`), title);
  }
  assert.ok(says('Web Outage Post Mortem\n======================\n\n## Notes\n'), 'Setext title');
  assert.ok(says('\n\n Outage Report for May\n\nText.'), 'after blank lines and a leading space');
  assert.ok(says('![banner](img/banner.png)\n\n**Incident Report: API down**\n\nText.'), 'after an image');
  assert.ok(!says('# Release notes\n\nWe fixed the incident report form.'), 'words in the text are not a title');
  assert.ok(says('###Posmortem\n\nAn outage happened.'), 'a hurried misspelling (corpus 027)');
  assert.ok(says('# RCA - Mitigated - SSO - Multiple Regions\n\nText.'), 'the abbreviation (held-out SkillsWorkflow incidents)');
  assert.ok(!says('# Rca and other tools\n\nText.') && !says('# Sources\n\nRCA records.'), 'in capitals, in the title only');
  const withFront = (front: string) => isPostmortemDocument('/repo/_posts/2018-08-05-notes.md', `---\n${front}\n---\n\nText.`, front, DEFAULT_INCLUDE);
  assert.ok(withFront('title: Security Incident Disclosure\nauthor: mike'), 'Homebrew\'s title (corpus 121)');
  assert.ok(withFront('title: Misconfigured Load Balancer\nseverity: partial-outage\nresolved: true'), 'a status page\'s incident: a severity and a resolution (corpus 119)');
  assert.ok(!withFront('title: Lint rules\nseverity: warning'), 'a severity alone says nothing of an incident');
  assert.ok(!withFront('title: Release 2.0\nstatus: published'), 'nor a status alone');
});

test('a timeline heading that goes on past its name and a note ("## Timeline (all times PST) 01/16/2024 - 02/28/2024. All times approximations") is the timeline, found by content too', () => {
  const text = joinLines('# Blockchain mainnet stall.', '', '## Issue Summary', 'A bug in the timelord caused a chain stall.', '',
    '## Timeline (all times PST) 01/16/2024 - 02/28/2024. All times approximations', '', '01-10-2024', '', '7:32 PM - The chain stalled at height 4779033.', '',
    '7:38 PM - Monitoring detected the chain stall.', '', '7:42 PM - New blocks being created again.', '', '## Resolution and recovery', 'Version 2.2.0 fixed it.', '');
  assert.ok(isPostmortemDocument('/repo/2024-06/2024-06-25-blockchain_mainnet-stall.md', text, null, DEFAULT_INCLUDE));
  const model = analyze(text);
  assert.deepEqual([model.timelineSection?.line, model.timeline.length, model.timeline[0].zone?.label], [5, 3, 'PST']);
  // Only the name before the note, and only when it is a section's exactly: "Timeline of the storm (…)"
  // is the Timeline by its timed entries alone.
  const storm = text.replace('## Timeline (all', '## Timeline of the storm (all');
  assert.equal(analyze(storm).timelineSection?.line, 5);
  assert.equal(analyze(storm.replace(/\d+:\d+ PM - /g, '')).timelineSection, null);
});

test('the ALX template\'s four sections with its timeline told by labels, no time in it, is a postmortem by its content; three sections without a root cause are not', () => {
  const text = joinLines('**Issue Summary:**', '- **Duration of the Outage:** from 10:00 AM UTC until 11:30 AM UTC.', '', '**Timeline:**', '- **Issue Detection:** users saw a blank screen.',
    '- **Resolution:** the driver update was rolled back.', '', '**Root Cause and Resolution:**', '- **Root Cause:** a driver conflict.', '', '**Corrective and Preventative Measures:**', '- Test driver updates.', '');
  assert.ok(isPostmortemDocument('/repo/0x19-postmortem/docker_issue.md', text, null, DEFAULT_INCLUDE));
  assert.ok(!isPostmortemDocument('/repo/docs/plan.md', joinLines('**Summary:**', 'x', '', '**Timeline:**', '- Q1: design', '', '**Impact:**', 'y', '', '**Action Items:**', '- z'), null, DEFAULT_INCLUDE));
});

test('a folder\'s page is not a postmortem for its folder or a plural title: a README of postmortems, the index the report writes', () => {
  const says = (path: string, text: string) => isPostmortemDocument(path, text, null, DEFAULT_INCLUDE);
  const collection = '# Postmortems\n\nOne file per incident; see the template.\n\n- [DB outage](2024-03-14-db.md)\n';
  for (const path of ['/repo/postmortems/README.md', '/repo/postmortems/index.md', '/repo/content/postmortems/_index.md', '/repo/incidents/SUMMARY.md']) {
    assert.ok(!says(path, collection), path);
  }
  // The shared corpus's README: a plural title, in a folder no glob takes.
  assert.ok(!says('/corpus/README.md', '# Corpus of real postmortems\n\nPublic incident postmortems written in Markdown.\n'));
  assert.ok(!says('/repo/docs/list.md', '# Incident Reports\n\n- [May](may.md)\n'), 'a plural title names a collection');
  // A folder per incident, its postmortem in the README: found by its title or by its content.
  assert.ok(says('/repo/postmortems/2024-03-14-db/README.md', '# Postmortem: DB outage\n\nText.'));
  const told = joinLines('# DB outage', '## Summary', 'Down from 10:00 to 11:00 UTC.', '', '## Timeline', '- 10:00 UTC: alerts fire', '- 10:40 UTC: rolled back', '', '## Root Cause', 'A bad deploy.');
  assert.ok(says('/repo/postmortems/2024-03-14-db/README.md', told));
  assert.ok(says('/repo/docs/list.md', told.replace('# DB outage', '# Incident Reports')), 'a plural title over a told incident');
  // A folder named as one postmortem (ALX's "0x19-postmortem"): its README is the postmortem, whatever its title.
  const untitled = joinLines('# Oops, We Tripped Up: The Great School System Outage of 2023', '', '**Issue Summary:**', '- **Duration:** 08:45 AM - 11:30 AM', '', '**Timeline:**', '- **Issue Detected:** 08:45 AM');
  for (const path of ['/repo/0x19-postmortem/README.md', 'C:\\repo\\2023-05-db-Post-Mortem\\readme.md']) assert.ok(says(path, untitled), path);
  assert.ok(!says('/repo/docs/README.md', untitled) && !says('/repo/postmortems/README.md', untitled), 'not a folder of them, nor any folder');
  assert.ok(!isPostmortemDocument('/repo/0x19-postmortem/README.md', untitled, null, []), 'the include globs decide');
  // Unless its content says it is not (held-out set 11): the course's project page copied in, or a line saying what a postmortem is.
  const projectPage = joinLines('# Concepts', '- [On-call](https://example.com/concepts/39)', '# Background Context', 'Any software system will eventually fail.', '# Resources',
    '- [What is an Incident Postmortem?](https://example.com)', '## Tasks', '### 0. My first postmortem', 'Requirements:', '- Issue Summary (that is often what executives will read) must contain:', '- duration of the outage with start and end times');
  assert.ok(!says('/repo/0x19-postmortem/README.md', projectPage), 'the project page');
  assert.ok(says('/repo/0x19-postmortem/README.md', joinLines(projectPage, '', '# Post-Mortem: Web Server Outage', '## Issue Summary', 'Down from 10:00 to 11:00 UTC.', '## Timeline', '- 10:00 UTC: alerts fire')), 'the project page with the postmortem below it');
  assert.ok(!says('/repo/0x19-postmortem/README.md', '#### 0x19. Postmortem\n\nThis is an analysis or report that is conducted after a significant issue, outage, or failure.\n'), 'a line saying what one is');
  // Or the project's requirements alone (held-out set 12); a postmortem titling its sections with them is one (corpus 049).
  const requirements = joinLines('# Writing my first postmoterm', '', '### Requirements', '', '1. Issue Summary (that is often what executives will read) must contain:', '    - duration of the outage with start and end times',
    '2. Timeline (format bullet point, format: time - keep it short, 1 or 2 sentences) must contain:', '    - when was the issue detected', '3. Root cause and resolution must contain:', '    - explain in detail what was causing the issue');
  assert.ok(!says('/repo/0x19-postmortem/README.md', requirements), 'the requirements');
  const titledWithThem = joinLines('# THE SITE IS DOWN', '# Issue Summary (that is often what executives will read) must contain:', 'From 10:00 to 11:00 UTC the site was down for all users.',
    '# Timeline (format bullet point, format: time - keep it short, 1 or 2 sentences) must contain:', '- 10:00 UTC: alerts fire', '- 11:00 UTC: fixed', '# Root cause and resolution must contain:', 'A bad deploy, rolled back.');
  assert.ok(says('/repo/0x19-postmortem/README.md', titledWithThem) && says('/repo/docs/049.md', titledWithThem), 'sections titled with them');
  // A file or folder named as a template, with a blank in it, is none whatever its title says; a name alone is not enough.
  const template = joinLines('# Postmortem: [Incident Title]', '', '**Date:** [YYYY-MM-DD]  ', '**Duration:** [Time]', '', '## Timeline', '', '**T+0:00** - **INCIDENT START:** [First sign of problem]');
  for (const path of ['/repo/postmortems/TEMPLATE.md', '/repo/templates/blameless-postmortem.md']) assert.ok(!says(path, template), path);
  assert.ok(says('/repo/postmortems/2023-05-01-template-engine-outage.md', told), 'a name alone');
  // A file named in the plural is a page about them, as a plural title is (held-out set 12's practice guide, its text commented out).
  const guide = joinLines('# Post-mortems', '', '<!--', '', 'Whenever there is a significant outage, the people involved are required to write a post-mortem document.', '', '-->');
  for (const path of ['/repo/src/practices/post-mortems.md', '/repo/docs/Postmortems.markdown', '/repo/postmortems/postmortems.md']) assert.ok(!says(path, guide), path);
  assert.ok(says('/repo/src/practices/post-mortems.md', told), 'by its content');
  assert.ok(says('/repo/docs/db-postmortem.md', guide) && says('/repo/postmortems/2024/q1.md', guide) && says('/repo/postmortems/guide.md', guide), 'one named so, or in a folder of them');
  // Other files of the folder still are postmortems by the glob alone.
  assert.ok(says('/repo/postmortems/notes.md', collection));
  assert.ok(says('/repo/docs/README-postmortem.md', collection) && says('/repo/docs/index.postmortem.md', collection), 'a postmortem named after its folder page');
  // `postmortem-lint report --format markdown -o postmortems/INDEX.md`: never indexed as an incident, wherever it is.
  const generated = '# Incident index\n\n<!-- Generated by `postmortem-lint report`: edit the postmortems, not this file. -->\n\n| Date | Incident |\n| --- | --- |\n| 2024-03-14 | [Postmortem: DB outage](db.md) |\n';
  assert.ok(!says('/repo/postmortems/INDEX.md', generated));
  assert.ok(!says('/repo/postmortems/2024-index.md', generated));
  // Front matter may file a post under the collection's name.
  assert.ok(isPostmortemDocument('/repo/_posts/2018-08-05-db.md', '---\ncategory: postmortems\n---\n\nText.', 'category: postmortems', DEFAULT_INCLUDE));
});

test('found by its content: a timeline with two timed entries and two other sections, with no title at all', () => {
  const says = (text: string) => isPostmortemDocument('/repo/README.md', text, null, DEFAULT_INCLUDE);
  const untitled = joinLines(
    'Issue Summary', 'The API was down from 10:00 to 11:00 UTC.', '',
    'Timeline', '- 10:00 UTC: alerts fire', '- 10:40 UTC: rolled back', '',
    'Root Cause', 'A bad deploy.',
  );
  assert.ok(says(untitled));
  assert.ok(says(joinLines('## Summary', 'x', '## Timeline', '### 2021-06-03 9:00', 'a', '### 2021-06-03 9:14', 'b', '## Action Items', '- y')), 'heading entries');
  assert.ok(!says(joinLines('## Summary', 'x', '## Timeline', '- 10:00 a', 'Nothing else.')), 'one other section is not enough');
  assert.ok(!says(joinLines('## Summary', 'x', '## Timeline', 'We plan a release soon.', '## Resolution', 'y')), 'no timed entries');
  // A status page's write-up (held-out foundriesio/status, wire-docs): its timeline and one section telling the incident.
  const told = joinLines('## Compose apps not available', '### Timeline of Events', '* **14:30 UTC** We are investigating', '* **15:00 UTC** Root cause identified', '### What Happened', 'The garbage collector deleted objects.');
  assert.ok(says(told), 'a timeline and "What Happened"');
  assert.ok(!says(told.replace('### What Happened', '### Notes')), 'a timeline and a section telling nothing of an incident');
  assert.ok(!says(told.replace('* **15:00 UTC** Root cause identified', 'We will write more.')), 'one timed entry and "What Happened"');
});

test('found by its content with no timeline: three sections only an incident has, its summary and impact aside (held-out write-ups in prose)', () => {
  const says = (text: string) => isPostmortemDocument('/repo/docs/2024-03-17-ovh1.md', text, null, DEFAULT_INCLUDE);
  // openfoodfacts-infrastructure's "# 2024-03-17 OVH1 Down": Alert, Investigation, Mitigation, What happened, Lessons learned.
  assert.ok(says(joinLines('# 2024-03-17 OVH1 Down', '## Alert', 'The monitoring alerted us.', '## Mitigation', 'We moved the VMs.', '## What happened', 'A disk failed.', '## Lessons learned', '- Check the disks.')));
  // The SRE book's sections without their timeline.
  assert.ok(says(joinLines('# GitHub account phishing', '## Summary', 'x', '## Trigger', 'y', '## Action Items', '- z', '## Lessons Learned', 'w')));
  // A proposal's or a release's sections: summary, impact and one more are no incident.
  assert.ok(!says(joinLines('# Proposal: faster builds', '## Summary', 'x', '## Impact', 'y', '## Action Items', '- z')));
  assert.ok(!says(joinLines('# Retro', '## What went well', 'x', '## Action Items', '- y')), 'two are not enough');
  assert.ok(!says(joinLines('# Sprint 12 retro', '## What went well', 'x', '## Lessons learned', 'y', '## Action Items', '- z')), 'a retrospective tells no incident');
});

test('precision: no Markdown file under node_modules/ (READMEs, changelogs, docs) is taken for a postmortem', () => {
  const files = markdownFilesUnder(join(ROOT, 'node_modules'));
  assert.ok(files.length >= 500, `only ${files.length} Markdown files found`);
  const found = files.filter((file) => {
    const text = readFileSync(file, 'utf8');
    return isPostmortemDocument(file.replace(/^.*node_modules/, 'node_modules'), text, frontMatterOf(text), DEFAULT_INCLUDE);
  });
  assert.deepEqual(found, []);
});

function markdownFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // node_modules/.bin and packages are links: follow them, as the CLI's discovery does not need to.
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory());
    if (isDir) out.push(...markdownFilesUnder(path));
    else if (entry.name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** A classic postmortem whose summary is `summary` and whose timeline runs 10:00 to 13:00 UTC. */
const classicWith = (...summary: string[]) => joinLines(
  '# Postmortem', '## Issue Summary', ...summary, '## Timeline', '- 10:00 UTC an alert fires', '- 13:00 UTC b',
  '## Root Cause and Resolution', 'x', '## Corrective and Preventive Measures', '- y',
);

test('a clock range with a zone anywhere in the summary is the incident window, whatever its label', () => {
  const model = analyze(classicWith('- **Coffee time:** 09:40 AM to 11:25 AM UTC'));
  assert.equal(model.incident.durationMinutes, 105);
  assert.equal(model.incident.durationSource, 'summary');
});

test('time words in ranges: midnight and noon', () => {
  const midnight = analyze(classicWith('The site was down from midnight to 2:30 AM (CAT).'));
  assert.equal(midnight.incident.durationMinutes, 150);
  assert.equal(midnight.incident.start?.text, 'midnight');
  assert.equal(analyze(classicWith('From noon until 3 PM UTC the API was down.')).incident.durationMinutes, 180);
});

test('a window of zero length is never used: the timeline gives the window instead', () => {
  const model = analyze(classicWith('- Start: 10:00 UTC', '- End: 10:00 UTC'));
  assert.equal(model.incident.durationMinutes, 180);
  assert.equal(model.incident.durationSource, 'timeline');
});

test('headings nested under the summary belong to it: "### Root Cause" is its root cause, not a section', () => {
  for (const nested of [['### Root Cause', 'A bad deploy.'], ['- ### Root Cause', '  A bad deploy.']]) {
    const text = classicWith('From 10:00 to 13:00 UTC, 20% of users could not log in.', ...nested);
    const model = analyze(text);
    assert.deepEqual(model.sections.map((s) => s.id), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
    assert.equal(model.summary?.rootCause?.text, 'A bad deploy.');
    assert.deepEqual(codesOf(text), []);
  }
});

test('stated durations in impact wording, in any summary field', () => {
  const stated = (line: string) => analyze(classicWith(line)).incident.statedDurationMinutes;
  assert.equal(stated('- **Impact:** the site was unavailable for 3 hours and 10 minutes'), 190);
  assert.equal(stated('- **Impact:** users found it inaccessible for approximately 5 hours'), 300);
  assert.equal(stated('- **Impact:** the API was down for ~2hrs'), 120);
});

test('approximate durations widen the tolerance in proportion: no duration-mismatch on "~2hrs" for a 2h 30m window', () => {
  const approximate = classicWith('- **Impact:** the API was down for ~2hrs; root cause: a bad deploy', '- Start: 10:00 UTC', '- End: 12:30 UTC');
  assert.ok(!codesOf(approximate).includes('duration-mismatch'));
  assert.equal(analyze(approximate).summary?.stated?.approximate, true);
  const exact = classicWith('- **Impact:** the API was down for 2 hours; root cause: a bad deploy', '- Start: 10:00 UTC', '- End: 12:30 UTC');
  assert.ok(codesOf(exact).includes('duration-mismatch'), 'an exact figure keeps the setting\'s tolerance');
});

test('a duration in whole days is told to the nearest day: "for 5 days" over 5d 6h is no mismatch, over 5d 18h or 3d it is', () => {
  // Held-out ALX postmortem (esianyo): "From January 10, 2024, 7:00 AM to January 15, 2024, 1:00 PM GMT … a halt … for 5 days".
  const days = (end: string, stated = '5 days') => classicWith(`From January 10, 2024, 7:00 AM to ${end} GMT, the tool was down. This resulted in a halt in our productions for ${stated}.`);
  assert.equal(analyze(days('January 15, 2024, 1:00 PM')).incident.durationMinutes, 5 * 1440 + 360);
  assert.ok(!codesOf(days('January 15, 2024, 1:00 PM')).includes('duration-mismatch'));
  assert.ok(codesOf(days('January 16, 2024, 1:00 AM')).includes('duration-mismatch'), '5d 18h is nearer 6 days');
  assert.ok(codesOf(days('January 13, 2024, 7:00 AM')).includes('duration-mismatch'), '3 days');
  // Days and hours written are as precise as their hours.
  assert.ok(codesOf(days('January 15, 2024, 1:00 PM', '5 days and 2 hours')).includes('duration-mismatch'));
  // A figure in whole weeks is told to the nearest half week.
  assert.ok(!codesOf(days('January 18, 2024, 7:00 AM', 'a week')).includes('duration-mismatch'), '8 days is about a week');
  assert.ok(codesOf(days('January 13, 2024, 7:00 AM', 'a week')).includes('duration-mismatch'), '3 days is not');
});

test('impact stated as users, requests or a percentage counts without an "Impact" label', () => {
  for (const line of ['About 1,200 users could not check out.', '3.5M requests failed.', '40% of logins failed.', '* 4 user accounts were successfully phished']) {
    assert.ok(analyze(classicWith(`From 10:00 to 13:00 UTC. ${line} Caused by a bad deploy.`)).summary?.fields.has('impact'), line);
  }
});

test('section-order checks half sections: a "## Resolution" before the Timeline', () => {
  const text = joinLines('# Postmortem', '## Issue Summary', 'From 10:00 to 13:00 UTC 20% of users were affected, due to a bad deploy.', '## Resolution', 'Rolled back.', '## Timeline', '- 10:00 UTC a', '- 13:00 UTC b', '## Root Cause', 'x', '## Corrective and Preventive Measures', '- y');
  assert.ok(codesOf(text).includes('section-order'));
});

test('a Timeline after the root cause and resolution, or last where no analysis is written, is the SRE and PagerDuty templates\' order; between them, after the classic combined heading, or with classic named, it is held to its place', () => {
  const orderOf = (raw: Record<string, unknown>, ...sections: string[]) => codesOf(joinLines('# Incident report: chain halt', '## Summary', 'From 10:00 to 13:00 UTC blocks were not produced, due to a bad upgrade.',
    ...sections.flatMap((section) => (section === '## Timeline' ? [section, '- 10:00 UTC halt', '- 13:00 UTC blocks again'] : [section, 'Words of it.'])), ''), raw).filter((code) => code === 'section-order').length;
  // The SRE template's order (action items before the Timeline) and PagerDuty's (after it).
  assert.equal(orderOf({}, '## Root Cause', '## Resolution', '## Action Items', '## Timeline'), 0);
  assert.equal(orderOf({}, '## Root Cause', '## Resolution', '## Timeline', '## Action Items'), 0);
  // No cause or fix written, the Timeline last, after the measures: its appendix (GOV.UK One Login's incident notes).
  assert.equal(orderOf({}, '## Action Items', '## Timeline'), 0);
  assert.equal(orderOf({}, '## Action Items', '## Timeline', '## Root Cause'), 1, 'a cause after it: the classic order');
  assert.equal(orderOf({ profile: 'classic' }, '## Action Items', '## Timeline'), 1, 'named, the classic order holds');
  // The classic template's own combined heading: its order, Timeline second.
  assert.equal(orderOf({}, '## Root Cause and Resolution', '## Timeline', '## Corrective and Preventive Measures'), 1);
  assert.equal(orderOf({ profile: 'classic' }, '## Root Cause', '## Resolution', '## Action Items', '## Timeline'), 2, 'named, the classic order holds');
  // Between the cause and its fix, the Timeline follows no template.
  assert.equal(orderOf({}, '## Root Cause', '## Timeline', '## Resolution', '## Action Items'), 1);
  // The rest of the order still holds: measures after the cause, the summary first.
  assert.equal(orderOf({}, '## Action Items', '## Root Cause', '## Resolution', '## Timeline'), 1);
  const summaryLast = joinLines('# Incident report', '## Timeline', '- 10:00 UTC halt', '- 13:00 UTC blocks again', '## Root Cause', 'A bug.', '## Summary', 'From 10:00 to 13:00 UTC blocks halted; a bug.', '');
  assert.ok(codesOf(summaryLast).includes('section-order'));
});

test('a bold label on a list item inside a section is a field of it; "Actions Taken" is narrative, not Action Items', () => {
  const text = joinLines(
    '# Postmortem', '## Issue Summary', 'From 10:00 to 13:00 UTC 20% of users were affected, due to a bad deploy.',
    '## Timeline', '- **10:00 UTC:** alerts fire', '- **Actions Taken:** we rolled back', '- **Resolution:** service back', '- **13:00 UTC:** all clear',
    '## Root Cause and Resolution', 'x', '## Corrective and Preventive Measures', '- y',
  );
  const model = analyze(text);
  assert.deepEqual(model.sections.map((s) => s.id), ['summary', 'timeline', 'root-cause-and-resolution', 'corrective-and-preventive-measures']);
  assert.equal(model.timeline.length, 2);
  assert.deepEqual(codesOf(text), []);
  const narrative = analyze(joinLines('# Postmortem', '## Actions Taken', 'We rolled back.', '## Steps Taken', 'We restarted.'));
  assert.deepEqual(narrative.sections.map((s) => s.id), []);
});

test('"1 and a half hours" is 90 minutes, and "1:15 PM(18:15)" writes one moment twice, not a window', () => {
  const text = classicWith('* Duration: From 1:15 PM(18:15) to 2:45 PM (19:45 ) on June 8th, 2024 (total duration: 1 and a half hours).');
  const model = analyze(text);
  assert.equal(model.incident.durationMinutes, 90);
  assert.equal(model.incident.statedDurationMinutes, 90);
  assert.ok(!codesOf(text).includes('duration-mismatch'));
  // Corpus 038 leaves out the "a": "approximately 2 and half hours" is 150 minutes, not "half hours".
  assert.equal(analyze(classicWith('* Duration: a complete outage lasting approximately 2 and half hours, from 10:00 AM to 12:30 PM (EAT).')).incident.statedDurationMinutes, 150);
});

test('timeline dates with any separator before the time: en dash dates, "T", "/", ",", "@", " at ", a dash', () => {
  for (const entry of ['12–10–2019, 12:00 am GMT-5', '2024-01-02T10:00 UTC', '2024-01-02/10:00 UTC', '2024-01-02 @ 10:00 UTC', '2024-01-02-10:00 UTC', 'Jan 2, 2024 at 10:00 UTC']) {
    const model = analyze(joinLines('# Postmortem', '## Timeline', `- ${entry}: alerts fire`, '- 23:00 UTC: all clear'));
    assert.equal(model.timeline[0].stamp?.time !== null && model.timeline[0].stamp?.date !== null, true, entry);
  }
});

test('the profile in use and why: a hover on the title', () => {
  const model = analyze(SRE_LABELLED);
  const found = hover(model, { line: 0, character: 3 });
  assert.match(String((found?.contents as { value: string }).value), /^\*\*Profile:\*\* google-sre \(chosen by the document's own sections\)/);
});

test('a list of links under the timeline ("- [overview](…)") opens no section: the entries after it stay in the timeline (corpus 063)', () => {
  const model = analyze(joinLines(
    '# 2020-07-09, Simultaneous launches', '', '## Summary', '', 'Two tutorials launched at once and Binder lost service for twelve minutes.', '',
    '## Timeline', '', 'All times in US/Pacific', '', 'Dashboards for the window:', '',
    '- [overview](https://grafana.example.org/d/1-overview?from=1&to=2)',
    '- [node status](https://grafana.example.org/d/node-activity)', '',
    '### 07:30am - First report', '', 'Users say launches are slow.', '',
    '### 07:42 - Launches are back to normal', '',
    '## Action items', '', '- Document how to ask for more quota', '',
  ));
  assert.deepEqual(model.sections.map((section) => section.id), ['summary', 'timeline', 'corrective-and-preventive-measures']);
  assert.deepEqual(model.timeline.map((entry) => entry.timeText), ['07:30am', '07:42']);
  assert.equal(model.incident.durationMinutes, 12);
});

test('a summary time that names no zone takes the zone the whole timeline is written in (corpus 018: "at midnight", then "00:40 PST")', () => {
  const text = (timeline: string[]) => joinLines(
    '# Postmortem Report', '', '#### Summary', '', 'On September 11th, 2018 at midnight the server went down, serving 504 errors to every visitor.', '',
    '#### Timeline', '', ...timeline, '', '#### Root Cause and Resolution', '', 'A mistyped file name in the PHP settings.', '',
  );
  const model = analyze(text(['- **00:00 PST** - 500 errors for everyone', '- **00:12 PST** - Apache restarted', '- **00:40 PST** - Site loads again']));
  assert.equal(model.incident.start?.zone?.label, 'PST');
  assert.equal(model.incident.durationMinutes, 40);
  // A timeline in two zones says nothing of the summary's: it stays without one.
  const mixed = analyze(text(['- **00:00 PST** - 500 errors for everyone', '- **08:40 UTC** - Site loads again']));
  assert.equal(mixed.incident.start?.zone, null);
});

test('a timeline table whose time cells hold four digits alone ("| 0730 |") is read as 24-hour times (corpus 112)', () => {
  const model = analyze(joinLines(
    '# Incident Report - February 4th, 2019', '', '## Overview', '', 'The clusters could not start their containers; times are UTC.', '',
    '## Timeline', '', '| Time | Event Type | Description |', '| ---- | ---------- | ----------- |',
    '| 0730 | `operator` | The metadata is renewed. |', '| 0740 | `operator` | Containers fail to start. |', '| 1230 | `operator` | The cluster is stable again. |', '',
    '## Root Cause', '', 'An expired credential.', '',
  ));
  assert.deepEqual(model.timeline.map((entry) => clockOf(entry.stamp?.time)), ['07:30', '07:40', '12:30']);
  assert.equal(model.incident.durationMinutes, 300);
});

test('section names real reports use: "Summary of outage", "TL;DR", "Why Did It Happen?", "Resolutions", "What we\'re doing about it", "How Are We Going to Do Better in the Future?"', () => {
  const ids = (...lines: string[]) => analyze(joinLines('# Outage on 2024-05-02', '', ...lines)).sections.map((section) => section.id);
  assert.deepEqual(ids('Summary of outage', 'The API was down for an hour.', '', 'Timeline', '- 10:00 UTC: Alert', '- 11:00 UTC: Fixed'),
    ['summary', 'timeline']);
  assert.deepEqual(ids('### TL;DR{% include explain.html details="<strong>Too Long; Didn\'t Read</strong> - ' + 'a very short description of the incident, '.repeat(5) + '" %}', '', 'The API was down.', '', '### Timeline', '', '- 10:00 UTC: Alert'),
    ['summary', 'timeline'], 'a Liquid tag glued to a heading makes it no less a heading, however long');
  assert.deepEqual(ids('## Why Did It Happen?', '', 'A bad deploy.', '', '## Resolutions', '', 'Rolled back.', '', '## How Are We Going to Do Better in the Future?', '', '- Canary deploys'),
    ['root-cause', 'resolution', 'corrective-and-preventive-measures']);
  assert.deepEqual(ids("### What we're doing about it", '', '- Rotate every token'), ['corrective-and-preventive-measures']);
});

test('a range line above the entries ("from 00:00 to May 20 at 13:15") is no entry of its own (corpus 031)', () => {
  const model = analyze(joinLines(
    '# Postmortem', '', '## Issue Summary', '', 'Every response was a 500 from May 19 until May 20, 2020.', '',
    '## Timeline', '', 'from 00:00 to May 20 at 13:15', '', 'May 20:', '- 10:00 - The failure was detected', '- 13:15 - A script was uploaded', '',
    '## Root cause', '', 'A missing file.', '',
  ));
  assert.deepEqual(model.timeline.map((entry) => entry.timeText), ['10:00', '13:15']);
  assert.equal(model.incident.durationMinutes, 195);
  // The date line "May 20:" has no year; the document's 2020 is its year, so the entries are dated.
  assert.deepEqual(model.timeline.map((entry) => [entry.date?.year, entry.dateSource]), [[2020, 'date-line'], [2020, 'date-line']]);
});

test('the date of the writing ("Due date: 18th December 2023", "Published: …") is not the incident\'s (corpus 024)', () => {
  const model = analyze(joinLines(
    'Keitumetse Molefe', 'Post-mortem outage', 'Due date: 18th December 2023', '', 'Summary of outage', '',
    'A shop was down on 20th December, 2023 for two hours.', '',
    'Timeline of events', '', '2:00 PM: Reports of users unable to reach the site', '4:00 PM: Service restored', '',
  ));
  assert.deepEqual(model.documentDate, { year: 2023, month: 12, day: 20 });
  assert.equal(model.timeline[0].date?.day, 20);
});

test('a timeline pasted newest first with no day written is read from the oldest up: an update past midnight, or on a day named anew, is the next day\'s', () => {
  // A status page's updates (corpus 065: the next morning's "09:31" on top of "19:59"; held-out foundriesio: "15:00 UTC(Sat)" on top of "20:30 UTC").
  const statusPage = analyze(joinLines('# Postmortem', '## Timeline (UTC)', '| time | update |', '| --- | --- |', '| 09:31 | Summary of the outage. |', '| 19:59 | Resolved for all services. |',
    '| 19:45 | Still monitoring. |', '| 19:21 | Severe network issues in all regions. |', '| 19:00 | We are experiencing an issue with VPN. |'));
  assert.deepEqual([statusPage.incident.start?.text, statusPage.incident.end?.text, statusPage.incident.durationMinutes], ['19:00', '09:31', 14 * 60 + 31]);
  const weekday = analyze(joinLines('# Postmortem', '## Timeline', '* **15:00 UTC(Sat)** All objects restored.', '* **20:30 UTC** Script still running.', '* **18:00 UTC** Restore begins.',
    '* **14:45 UTC** Objects found missing.', '* **14:30 UTC** Investigating a report of failing updates.'));
  assert.deepEqual([weekday.incident.start?.text, weekday.incident.end?.text, weekday.incident.durationMinutes], ['14:30 UTC', '15:00 UTC', 24 * 60 + 30]);
  // The day named in the entry's time ("Sat 15:00 UTC") as well as after it.
  const before = analyze(joinLines('# Postmortem', '## Timeline', '* **Sat 15:00 UTC** All objects restored.', '* **20:30 UTC** Script still running.', '* **18:00 UTC** Restore begins.',
    '* **14:45 UTC** Objects found missing.', '* **14:30 UTC** Investigating a report of failing updates.'));
  assert.equal(before.incident.durationMinutes, 24 * 60 + 30);
  // Still reported once, every step back, and turned over by its fix.
  const reported = diagnosticsOf(joinLines('# Postmortem', '## Timeline', '* **15:00 UTC(Sat)** All objects restored.', '* **20:30 UTC** Script still running.', '* **18:00 UTC** Restore begins.',
    '* **14:45 UTC** Objects found missing.', '* **14:30 UTC** Investigating a report of failing updates.')).filter((d) => d.code === 'timeline-out-of-order');
  assert.equal(reported.length, 1);
  assert.match(String(reported[0].message), /4 of its 4 steps go back/);
});
