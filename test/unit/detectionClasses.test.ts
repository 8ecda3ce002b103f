// Issue 16: documents found as postmortems by their title or structure, in the corpus's styles (the
// corpus figures' misses): a title naming the outage, a summary over a timed timeline, a timeline among
// many sections whose entries are written in a form the scan does not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codesOf, diagnosticsOf, joinLines } from '../helpers';
import { isPostmortemDocument } from '../../server/src/core/detect';
import { DEFAULT_INCLUDE } from '../../server/src/core/config';
import { frontMatterOf } from '../../server/src/core/markdown';

const found = (text: string) => isPostmortemDocument('docs/notes.md', text, frontMatterOf(text), DEFAULT_INCLUDE);

test('a title that names the outage: "… Outage (Issue #214)", "DNS Outage on 2023-01-25", "… Boskos Outage"', () => {
  assert.ok(found(joinLines('# Load Balance Outage (Issue #214)', '', 'By the deployment team')));
  assert.ok(found(joinLines('# March 26th, 2019 Boskos Outage', '', 'Boskos got stuck.')));
  assert.ok(found(joinLines('+++', 'title = "DNS Outage on 2023-01-25"', '+++', '', 'We deployed changes.', '', '## Root Cause of the Outage', 'Terraform.')));
  // Not a runbook or a guide about outages.
  assert.ok(!found(joinLines('# Outage runbook', '', 'Who to call.')));
  assert.ok(!found(joinLines('# Handling outages in production', '', 'Stay calm.')));
});

test('a title naming an outage and how long it lasted ("Plex Server Outage for approximately 2 weeks", a held-out home-server write-up); not an outage of a thing or for a purpose', () => {
  assert.ok(found(joinLines('# January 2020 - Plex Server Outage for approximately 2 weeks', '### Issues Found:', '* Local access stopped working')));
  assert.ok(found(joinLines('# Database outage lasting 3 hours', '', 'It was slow.')));
  assert.ok(!found(joinLines('# Outage for dummies', '', 'How to plan.')));
  assert.ok(!found(joinLines('# Outage of the old API: migration guide', '', 'Move to v2.')));
});

test('a summary over three timed entries, and a timeline among four other sections, are postmortems', () => {
  assert.ok(found(joinLines('# Summary:', '\t11:26-am-GMT until 12:45-pm-GMT, the server responded 500.', '', '# Timeline:',
    '\t11:22-am-GMT - Settings changed.', '\t11:26-am-GMT - Users complain.', '\t12:45-pm-GMT - Website up again.')));
  assert.ok(found(joinLines('# Notes', '## Summary', 'Stuck.', '## Impact', 'Jobs failed.', '## Root Cause', 'A drain.', '## Resolution', 'Restarted.',
    '## Timeline', '- [03-26 23:04] crash loop starts', '- [03-27 08:10] fixed')));
  // Two timed lines under a summary are not enough on their own.
  assert.ok(!found(joinLines('# Release', '## Summary', 'Shipped.', '## Timeline', '- 10:00 build', '- 11:00 publish')));
});

test('a status blog\'s incident: bold-free "#### CAUSE:" beside a timed "#### TIMELINE:", and `layout: status` with a severity in the front matter (freistil\'s status blog)', () => {
  const body = ['#### ISSUE:', '', 'A storage cluster problem impacts multiple websites.', '', '#### CAUSE:', '', 'Hardware failure.', '', '#### TIMELINE:', '',
    '* [2013-03-09 21:50 UTC] Incident opened.', '* [2013-03-09 21:51 UTC] One of two storage nodes is down.', '* [2013-03-09 22:02 UTC] All systems normal again.', ''];
  assert.equal(found(joinLines(...body)), true, 'a cause and a timed timeline');
  assert.equal(found(joinLines('---', 'title: Storage cluster problem', 'severity: high', 'layout: status', '---', '', 'We are investigating.', '')), true);
  // Neither alone: a cause with no timeline, a layout without a severity.
  assert.equal(found(joinLines('## Cause', 'A typo.', '', '## Usage', 'Run it.', '')), false);
  assert.equal(found(joinLines('---', 'title: Uptime', 'layout: status', '---', '', 'All systems operational.', '')), false);
  // The same status-page keys that let its severity be the page's own word: cState's `section: issue`, Hugo themes' `affectedsystems`.
  assert.equal(found(joinLines('---', 'title: Major outage', 'section: issue', 'severity: down', '---', '', 'We are investigating.', '')), true);
  assert.equal(found(joinLines('---', 'title: Slow API', 'severity: degraded-performance', 'affectedsystems:', '  - Content API', '---', '', 'Slow.', '')), true);
});

test('a front matter title under its theme\'s key: "heading: Post-mortem: step processing backlogs on Aug 31, 2023" (Inngest\'s blog)', () => {
  assert.equal(found(joinLines('---', 'heading: "Post-mortem: step processing backlogs on Aug 31, 2023"', 'date: 2023-09-08', '---', '', 'Some functions were delayed.', '')), true);
  assert.equal(found(joinLines('---', 'heading: "Release notes for 2.0"', '---', '', 'New features.', '')), false);
});

test('a title naming a security incident is a postmortem ("# Security Incident with Package Uploads (CVE-2025-31484)", "# CircleCI Security Incident"); a process about them is not', () => {
  for (const title of ['# Security Incident with Package Uploads (CVE-2025-31484)', '# CircleCI Security Incident']) assert.equal(found(joinLines(title, '', 'On April 1 we learned that a token leaked.', '')), true, title);
  for (const title of ['# Security Incident Response Plan', '# Security incident handling', '# Security Incidents', '# Reporting a security incident procedure']) assert.equal(found(joinLines(title, '', 'Email the security team.', '')), false, title);
});

test('a long timeline of dated or zoned entries in a write-up about an outage is a postmortem, its other sections its own (held-out t2bot.io incident post); a schedule of bare times is not', () => {
  const entries = ['21:00 UTC - traffic increases', '21:03 UTC - monitoring stops', '21:15 UTC - traffic falls', '06:00 UTC - routine check', '06:15 UTC - issue identified'];
  const post = (lines: string[], intro: string) => joinLines('# Unintended reset on the Discord bridge', '', intro, '', '## Timeline', '', ...lines.map((line) => `* ${line}`), '',
    '## Monitoring (and why it didn\'t work)', 'Alerts take hours.', '');
  assert.ok(found(post(entries.map((line) => `January 13th, 2024 - ${line}`), 'The bridge deleted every channel association, leading to extended downtime.')));
  assert.ok(found(post(entries, 'The bridge deleted every channel association, leading to extended downtime.')));
  // Four entries, or no word of an outage, or a day's schedule with no zone or date: not on their own.
  assert.ok(!found(post(entries.slice(0, 4), 'The bridge deleted every channel association, leading to extended downtime.')));
  assert.ok(!found(post(entries, 'The bridge gets a new cleanup feature.')));
  assert.ok(!found(post(['09:00 registration', '10:00 keynote', '11:00 talks', '12:00 lunch', '13:00 hacking'], 'Our first hackathon, after last year\'s outage of volunteers.')));
});

test('the ALX task\'s prompts kept as headings ("# Root cause and resolution must contain:") name their sections (corpus 049); kept as list items they are the task\'s text', () => {
  const prompts = (mark: string) => joinLines('Some title', '', `${mark}Issue Summary (that is often what executives will read) must contain:`, '`20 seconds at 3:00:00pm -PST`', '',
    `${mark}Timeline (format bullet point) must contain:`, '`3:00:01pm -PST`', '', `${mark}Root cause and resolution must contain:`, 'A typo.', '',
    `${mark}Corrective and preventative measures must contain:`, 'Fix it.', '');
  assert.ok(found(prompts('# ')));
  assert.ok(!found(prompts('- ')));
});

test('Chinese and Japanese titles that say what the document is ("v1.4.0リリースで発生した障害について", COCOA\'s; "事故复盘"); not a page about accessibility ("障害者対応")', () => {
  assert.ok(found(joinLines('# v1.4.0リリースで発生した障害について', '', '## 障害の内容', 'アプリが起動しない。')));
  assert.ok(found(joinLines('# 数据库事故复盘', '', '## 根因', '磁盘写满。')));
  assert.ok(!found(joinLines('# 障害者対応ガイド', '', 'アクセシビリティの方針。')));
});

test('"## Fallout" is the impact, as Mozilla\'s Taskcluster retrospectives title it: with a timed Timeline and Action Items, a postmortem by its content', () => {
  const text = joinLines('# Retrospective: Credentials in logs - March 20, 2019', '', '## Background', 'We added logging.', '', '## Timeline (PST)',
    '    - 11:16 ::::: deploy with new logging', '    - 11:54 ::::: credentials noticed in logs; rolled back', '    - 12:16 ::::: credentials rolled', '',
    '## Fallout', 'Trees were closed for 3+ hours.', '', '## Action Items', '- rotate the drains', '');
  assert.ok(found(text));
  assert.ok(!found(text.replace('## Fallout', '## Thanks')));
});

test('a note in parentheses does not make a section title too long to count ("## Action Items (should be achievable in short-medium term. immediately actionable):", a Taskcluster retrospective)', () => {
  const text = (actions: string) => joinLines('# AWS Provisioner "stuck" 2016-07-21', '', '## Background', 'We regenerated the AMIs.', '', '## Timeline',
    '* 2016-07-21 19:44 UTC ::::: new (incorrect) AMIs deployed via script', '* 2016-07-21 20:06 UTC ::::: desktop-test pending >6000', '',
    '## Fallout', '* Long pending time for test tasks', '', actions, '* [dustin] more clarity on AMI configuration', '');
  assert.ok(found(text('## Action Items (should be achievable in short-medium term. immediately actionable):')));
  assert.ok(!found(text('## Things we might look at some day when there is time, and other notes from the meeting')));
});

test('a status page\'s incident written as its updates (Jenkins\' status site) is held to no postmortem template; one that writes a section is held to the rest', () => {
  const front = ['---', 'title: Outage on VM agents on ci.jenkins.io', 'date: 2023-03-28T14:00:00-00:00', 'resolved: true', 'resolvedWhen: 2023-03-29T15:55:00-00:00',
    'severity: disrupted', 'affected:', '  - ci.jenkins.io', 'section: issue', '---', ''];
  const updates = joinLines(...front, '[Update - 2023-03-29 15h50 UTC]', 'The queue is back to normal.', '', '[Initial message]', 'Builds are queued for hours.', '');
  assert.ok(found(updates));
  assert.deepEqual(codesOf(updates).filter((code) => code === 'section-missing'), []);
  const withTimeline = joinLines(...front, '## Timeline', '- 14:00 UTC: queue grows', '- 15:55 UTC: queue purged', '');
  assert.deepEqual(diagnosticsOf(withTimeline).filter((d) => d.code === 'section-missing').map((d) => d.message), [
    'Missing section "Issue Summary".', 'Missing section "Root Cause and Resolution".', 'Missing section "Corrective and Preventive Measures".']);
  // A postmortem's own front matter (no status page's keys) is held to the template.
  assert.equal(codesOf(joinLines('---', 'title: Outage', 'severity: SEV2', 'started: 2023-03-28T14:00:00Z', '---', '', 'Builds were queued.', '')).filter((code) => code === 'section-missing').length, 4);
});

test('a Japanese, Chinese or Russian postmortem is found by its structure too (held-out reports under no telling path)', () => {
  assert.ok(found(joinLines('# PM-2026-001: recap パイプライン連鎖 OOM 障害', '', '## サマリー', 'ワーカーが OOM で停止した。', '', '## タイムライン', '',
    '| 時刻 (JST) | イベント |', '|---|---|', '| 19:25 | **発生** |', '| 19:26 | **検知** |', '| 21:27 | **復旧** |', '', '## 根本原因分析', 'メモリ上限。', '', '## アクションアイテム', '- [ ] 上限を上げる')));
  assert.ok(found(joinLines('# INC-0008：HTTP/2 静态资源被连接限制误拦截', '', '## 现象与影响', '部分静态资源加载失败。', '', '## 根因链路', '连接数限制。', '',
    '## 修复与回归证据', '调整限制。', '', '## 防复发措施与遗留风险', '- 增加回归测试')));
  assert.ok(found(joinLines('# 0001 — Переполнение тома', '', '## Сводка', 'Том переполнен.', '', '## Временная шкала', '', '| Время | Событие |', '|---|---|',
    '| 21:12 | отказ |', '| 21:17 | восстановлено |', '', '## Первопричина', 'Миграции.', '', '## Действия', '- [ ] Алерт')));
  // A Japanese design document with a timeline of its plan is not one.
  assert.ok(!found(joinLines('# 設計メモ: 検索の改善', '', '## 概要', '検索を速くする。', '', '## タイムライン', '- 2026-05-01 設計', '- 2026-06-01 実装', '', '## 参考', '- リンク')));
});

test('a page about writing them is not one ("# Writing an Effective Postmortem", "# How to run a post-incident review", "# Postmortem best practices", a held-out guide), unless it tells an incident\'s times', () => {
  const guide = (title: string) => joinLines(`# ${title}`, '', '## Key Components', '', '- **Summary:** what happened.', '- **Timeline:** the events in order.',
    '- **Root Cause Analysis:** why it happened.', '- **Impact:** who was hit.', '- **Action Items:** what will change.', '', '## Timeline', '', 'List each event with its time.', '',
    '## Root Cause', '', 'Ask why five times.', '', '## Action Items', '', 'Give each an owner.', '', '## Lessons Learned', '', 'Share them.');
  for (const title of ['Writing an Effective Postmortem', 'How to run a post-incident review', 'Postmortem best practices']) assert.equal(found(guide(title)), false, title);
  assert.equal(found(guide('Postmortem: checkout outage')), true);
  assert.equal(found(guide('3. Postmortem Practices 📝')), false, 'practices');
  // Its title as an HTML heading, as a README's centred banner writes it.
  assert.equal(found(guide('Writing an Effective Postmortem').replace(/^# (.*)$/m, '<h1 align="center">$1</h1>')), false, 'an HTML title');
  // A guide's worked example with its own times is still read as one.
  assert.equal(found(guide('Writing a postmortem').replace('List each event with its time.', '- 10:00 UTC alert fires\n- 10:30 UTC fixed')), true);
});

test('a folder\'s guide is not one by the section names it lists ("## When to write a postmortem", "## What a postmortem should include" over "- Root cause", held-out set 13), unless it tells an incident\'s times', () => {
  const guide = joinLines('# Postmortems', '', 'This folder contains **blameless postmortems** for incidents and outages.', '', '## When to write a postmortem', '- Users are impacted', '- A rollback is required', '',
    '## What a postmortem should include', '- What happened', '- Customer impact', '- Root cause', '- What went well', '- What went wrong', '- Action items with owners', '', '## Naming convention', 'YYYY-MM-DD-title.md');
  assert.equal(found(guide), false);
  assert.equal(found(guide.replace('## Naming convention', '## Timeline\n- 10:00 UTC alert fires\n- 10:30 UTC rolled back\n\n## Naming convention')), true, 'with a timed timeline');
});

test('a reading on what a postmortem is ("What is an Incident Postmortem?", the course\'s page copied into a 0x19-postmortem README, held-out set 13) is none, whatever its title or name; one with a postmortem in it is', () => {
  const reading = joinLines('-------------------------0x19. Postmortem--------------------------', '', 'What is an Incident Postmortem?', '', '',
    'A postmortem (or post-mortem) is a process intended to help you learn from past incidents.', '', 'The importance of an incident postmortem process', '', '',
    '1. Bringing people together to engage in a structured, collaborative process.', '', '2. You may also decide to publish takeaways.', '', '3. Partners may also want to know what happened.');
  assert.equal(found(reading), false);
  assert.equal(isPostmortemDocument('/repo/0x19-postmortem/README.md', reading, null, DEFAULT_INCLUDE), false, 'in a folder named as one');
  const written = joinLines(reading, '', '# Postmortem: web outage', '## Issue Summary', 'Down from 10:00 to 11:00 UTC.', '## Timeline', '- 10:00 UTC: alerts fire', '- 10:40 UTC: rolled back', '## Root Cause', 'A bad deploy.');
  assert.equal(found(written), true, 'with its own postmortem below');
  assert.equal(isPostmortemDocument('/repo/0x19-postmortem/README.md', written, null, DEFAULT_INCLUDE), true);
});

test('the course\'s requirements for a postmortem are none, whatever their title ("<h1>Postmortem</h1>" over "<h3>Timeline (…) must contain:</h3>", held-out sets 10 and 13); with its sections written out, one is (corpus 049)', () => {
  const task = joinLines('<h1>Postmortem</h1>', '<p>Using one of the web stack debugging project issue, write a postmortem.</p>', '<h2>Requirements:</h2>', '<ul>',
    '<h3>Issue Summary (that is often what executives will read) must contain:</h3>', '<li>duration of the outage with start and end times</li>', '</ul>', '<ul>',
    '<h3>Timeline (format bullet point, format: time - keep it short, 1 or 2 sentences) must contain:</h3>', '<li>when was the issue detected</li>', '</ul>', '<ul>',
    '<h3>Root cause and resolution must contain:</h3>', '<li>explain in detail what was causing the issue</li>', '</ul>');
  assert.equal(found(task), false);
  assert.equal(found(task.replace('<h1>Postmortem</h1>', '# Postmortem')), false, 'a Markdown title');
  const written = joinLines('# Postmortem', '# Issue Summary (that is often what executives will read) must contain:', 'From 10:00 to 11:00 UTC the site was down for all users.',
    '# Timeline (format bullet point, format: time - keep it short, 1 or 2 sentences) must contain:', '- 10:00 UTC: alerts fire', '- 11:00 UTC: fixed', '# Root cause and resolution must contain:', 'A bad deploy, rolled back.');
  assert.equal(found(written), true, 'sections titled with them');
});

test('a template is not one by its content: its instructions ("Describe what systems were affected …") and blanks ("{NUMBER} users", "MM-DD-YYYY") tell it (held-out templates); a filled one is', () => {
  const template = joinLines('# Incident title', '', '**Date**: MM-DD-YYYY start of incident', '', 'A sentence or two that describe the incident.', '',
    '## Overview', '', 'One or two paragraphs that summarize the incident.', '', '## Impact', '', 'Describe what systems were affected by the incident.', '',
    '## Root Cause', '', 'Describe the problem, or problems that manifested in the incident taking place.', '', '## Detection', '', 'Explain how the team noticed.', '',
    '## Timeline', '', '- 14:00 UTC {EVENT}', '- 14:30 UTC {EVENT}', '', '## Action Items', '', '- [ ] {ACTION}');
  assert.equal(found(template), false);
  const atlassian = joinLines('Incident summary', 'Write a summary of the incident in a few sentences.', '', 'Between {time range of incident, e.g. 15:45 and 16:35} on {DATE}, {NUMBER} users encountered {EVENT SYMPTOMS}.', '',
    'Leadup', 'Describe the sequence of events that led to the incident.', '', 'Fault', 'Describe how the change did not work as expected.', '', 'Impact', 'Describe how the incident affected users.', '',
    'Detection', 'Describe how and when the team detected the incident.', '', 'Timeline', '', '16:00 - change introduced', '16:30 - alert fired');
  assert.equal(found(atlassian), false);
  // Filled in, the same outline is a postmortem; one leftover instruction does not make it a template.
  const filled = template.replace('MM-DD-YYYY', '2024-03-14').replace(/Describe what systems[^\n]*/, 'Checkout failed for 40% of users.')
    .replace(/Describe the problem[^\n]*/, 'An expired certificate.').replace(/\{EVENT\}/g, 'event').replace('{ACTION}', 'Renew certificates automatically');
  assert.equal(found(filled), true);
});

test('the guidelines copied into a 0x19-postmortem README, each section over what to write in it ("### Timeline" over "- list the timezone", held-out set 14), are none; filled in with an incident\'s times, one is', () => {
  const guidelines = joinLines('', '# Postmortem', '', 'Learning how to write an Incident Report, also referred to as a Postmortem.', '', '### Issue Summary', '',
    '- short summary (5 sentences)', '- list the duration along with start and end times (include timezone)', '- state the impact (most user requests resulted in 500 errors, at peak 100%)',
    '- close with root cause', '', '### Timeline', '', '- list the timezone', '- when outage began', '', '### Root Cause', '', '- give a detailed explanation of event', '- do not sugarcoat', '',
    '### Corrective and Preventative Measures', '', '- itemized list of ways to prevent it from happening again');
  assert.equal(isPostmortemDocument('/repo/0x19-postmortem/README.md', guidelines, null, DEFAULT_INCLUDE), false);
  const written = guidelines.replace('- list the timezone', '- 10:00 UTC: alerts fire\n- 10:40 UTC: rolled back');
  assert.equal(isPostmortemDocument('/repo/0x19-postmortem/README.md', written, null, DEFAULT_INCLUDE), true, 'with times of its own');
  // Lower-case bullets of a real postmortem's actions change systems, not texts.
  const actions = joinLines('# Postmortem', '## Timeline', '- 10:00 UTC alerts fire', '- 10:30 UTC rolled back', '## Action items', '- add a canary stage', '- alert on disk usage', '- pin the base image');
  assert.equal(isPostmortemDocument('/repo/0x19-postmortem/README.md', actions, null, DEFAULT_INCLUDE), true);
});

test('a guide to preparing a post-mortem meeting is no postmortem ("# How to Prepare for a Post-Mortem Meeting", held-out set 14), whatever its folder', () => {
  const guide = joinLines('# How to Prepare for a Post-Mortem Meeting', '', 'A post-mortem meeting is a crucial part of any project\'s lifecycle.', '', '## Steps', '', '1. Gather the data.', '2. Invite the team.');
  assert.equal(found(guide), false);
  assert.equal(isPostmortemDocument('/repo/0x19-postmortem/how-to-run-a-post-mortem-meeting/README.md', guide, null, DEFAULT_INCLUDE), false);
});

test('a heading may add words to a section\'s name for the content test too ("## Recovery Actions Taken", held-out set 14): an incident write-up with no telling title is found', () => {
  const report = joinLines('# Deployment Workflow Incident - Color Palette Update', '', '## Incident Summary', 'Date: 2025-08-06', '', '## What Happened', '1. I pushed directly to master.', '',
    '## Recovery Actions Taken', '1. Reverted the commit.', '', '## Lessons Learned', '- Always follow the workflow.');
  assert.equal(found(report), true);
  // A plain line must still say the name alone.
  assert.equal(found(report.replace(/^## /gm, '')), false);
});
