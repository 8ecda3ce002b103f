// An incident's life (started, detected, acknowledged, mitigated, resolved) and its figures: the front
// matter's explicit times over the timeline's markers over its words over the incident window, the
// `postmortem.metrics` setting, and the front matter's `started`/`resolved` deciding the incident window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { analyze, CORPUS, CORPUS_SKIP, diagnosticsOf, joinLines, readCorpus, settingsWith } from '../helpers';
import { incidentLifecycle } from '../../server/src/features/lifecycle';
import { incidentCard } from '../../server/src/features/incidentCard';
import { analysisResult, incidentResult } from '../../server/src/features/analysis';
import { inlayHints } from '../../server/src/features/inlayHints';
import { hover } from '../../server/src/features/hover';
import { findMilestones } from '../../server/src/features/milestones';
import { readSettings } from '../../server/src/rules/settings';

const lifecycleOf = (text: string, raw: Record<string, unknown> = {}) => incidentLifecycle(analyze(text, raw), settingsWith(raw));
/** "moment source line" for each moment found. */
const moments = (text: string, raw: Record<string, unknown> = {}) => lifecycleOf(text, raw).lifecycle.map((p) => `${p.moment} ${p.source} ${p.line}`);
const figures = (text: string, raw: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(lifecycleOf(text, raw).metrics).map(([name, figure]) => [name, `${figure.minutes} ${figure.from.moment}→${figure.to.moment}`]));

test('066 (the SRE book): OUTAGE BEGINS, MITIGATED and ENDS are the markers; the pager storm is the detection', { skip: CORPUS_SKIP }, () => {
  const text = readCorpus('066.md');
  const { lifecycle, metrics } = lifecycleOf(text);
  assert.deepEqual(lifecycle.map((p) => [p.moment, p.iso, p.source, (p.line ?? -1) + 1, p.text]), [
    ['started', '2015-10-21T14:54:00Z', 'marker', 66, 'OUTAGE BEGINS'],
    ['detected', '2015-10-21T14:55:00Z', 'words', 67, 'pager'],
    ['mitigated', '2015-10-21T15:36:00Z', 'marker', 88, 'OUTAGE MITIGATED'],
    ['resolved', '2015-10-21T16:00:00Z', 'marker', 96, 'OUTAGE ENDS'],
  ]);
  assert.deepEqual(Object.keys(metrics), ['timeToDetect', 'timeToMitigate', 'timeToResolve'], 'nothing acknowledges: no time to acknowledge');
  assert.deepEqual([metrics.timeToDetect?.minutes, metrics.timeToMitigate?.minutes, metrics.timeToResolve?.minutes], [1, 42, 66]);
  // The card shows the same figures, from the same moments.
  const card = incidentCard(analyze(text), settingsWith());
  assert.deepEqual([card.timeToDetect?.durationText, card.timeToMitigate?.durationText, card.timeToResolve?.durationText], ['1m', '42m', '1h 6m']);
  assert.deepEqual(card.timeToResolve?.to, metrics.timeToResolve?.to);
});

// In the style of the PyPI reports (106, 107): YAML front matter, then the report.
const report = (frontMatter: string[], ...timeline: string[]) => joinLines(
  '---', 'title: "Incident Report: API outage"', 'date: 2024-03-14', 'status: draft', ...frontMatter, '---', '',
  '# Incident Report: API outage', '', '## Summary', '',
  'Start: 2024-03-14 10:00 UTC', 'End: 2024-03-14 12:00 UTC', 'Duration: 3 hours', '',
  '## Timeline', '', '*All times UTC.*', '',
  ...(timeline.length ? timeline : ['- 2024-03-14 10:00 Deploy goes out.', '- 2024-03-14 10:12 Latency alert fires.', '- 2024-03-14 11:10 Traffic shifted away; impact mitigated.', '- 2024-03-14 12:00 Service restored.']),
  '', '## Root Cause', '', 'A bad deploy.', '',
);

test('front matter started and resolved decide the incident window; duration-mismatch compares against it', () => {
  const plain = analyze(report([]));
  assert.equal(plain.incident.durationSource, 'summary');
  assert.equal(plain.incident.durationMinutes, 120);
  assert.ok(diagnosticsOf(report([])).some((d) => d.code === 'duration-mismatch'), '3 hours against the summary\'s 2');

  const text = report(['started: 2024-03-14T09:00Z', 'resolved: 2024-03-14 12:00+00:00']);
  const model = analyze(text);
  assert.deepEqual([model.incident.start?.source, model.incident.end?.source, model.incident.durationSource, model.incident.durationMinutes], ['front-matter', 'front-matter', 'front-matter', 180]);
  assert.ok(!diagnosticsOf(text).some((d) => d.code === 'duration-mismatch'), 'the stated 3 hours is the front matter\'s window');
  assert.deepEqual(incidentResult(model).durationSource, 'front-matter');
  const card = incidentCard(model, settingsWith());
  assert.deepEqual(card.start?.source, { from: 'front-matter', line: 4, text: 'started: 2024-03-14T09:00Z' });
  assert.deepEqual(card.computed, { minutes: 180, text: '3h', source: 'front-matter' });

  const short = diagnosticsOf(report(['started: 2024-03-14T10:00Z', 'resolved: 2024-03-14T12:00Z'])).find((d) => d.code === 'duration-mismatch');
  assert.equal(short?.message, "The summary says 3 hours (3h), but the front matter's started and resolved span 2h.");
  // One end from the front matter, the other from the summary: mixed.
  const half = analyze(report(['started: 2024-03-14T09:00+01:00']));
  assert.deepEqual([half.incident.start?.axis, half.incident.durationSource, half.incident.durationMinutes], [Date.UTC(2024, 2, 14, 8) / 60_000, 'mixed', 240]);
});

test('front matter times the schema rejects change nothing (frontmatter-invalid reports them)', () => {
  const text = report(['started: 2024-03-14 09:00', 'resolved: yesterday', 'detected: 2024-02-31T10:00Z']);
  assert.equal(analyze(text).incident.durationSource, 'summary');
  assert.deepEqual(moments(text).map((m) => m.split(' ').slice(0, 2).join(' ')), ['started summary', 'detected words', 'mitigated words', 'resolved words']);
  assert.equal(diagnosticsOf(text).filter((d) => d.code === 'frontmatter-invalid').length, 2, 'the impossible 02-31 passes the pattern; it is only not read');
});

test('front matter detected, acknowledged and mitigated win over the timeline\'s words, on the card too', () => {
  const text = report(['detected: 2024-03-14T10:05Z', 'acknowledged: 2024-03-14T10:20Z', 'mitigated: 2024-03-14T11:00Z']);
  assert.deepEqual(moments(text), ['started summary 13', 'detected front-matter 4', 'acknowledged front-matter 5', 'mitigated front-matter 6', 'resolved words 24']);
  assert.deepEqual(figures(text), {
    timeToDetect: '5 started→detected', timeToAcknowledge: '15 detected→acknowledged', timeToMitigate: '60 started→mitigated', timeToResolve: '120 started→resolved',
  });
  const card = incidentCard(analyze(text), settingsWith());
  assert.deepEqual([card.timeToDetect?.durationText, card.timeToDetect?.to.source, card.timeToMitigate?.durationText, card.timeToMitigate?.to.text], ['5m', 'front-matter', '1h', 'mitigated: 2024-03-14T11:00Z']);
});

test('explicit markers win over words: [detected], [acknowledged], [mitigated], [resolved]', () => {
  const text = report([],
    '- 2024-03-14 10:00 Deploy goes out.', '- 2024-03-14 10:03 Error alert fires.', '- 2024-03-14 10:08 Customer ticket about errors [detected]',
    '- 2024-03-14 10:15 On-call engineer responded.', '- 2024-03-14 10:18 Incident channel opened [acknowledged]',
    '- 2024-03-14 10:40 Rolled back the deploy.', '- 2024-03-14 10:50 Error rate at zero [mitigated]', '- 2024-03-14 11:30 Service restored.', '- 2024-03-14 11:45 Backlog drained [resolved]');
  assert.deepEqual(moments(text), ['started summary 10', 'detected marker 20', 'acknowledged marker 22', 'mitigated marker 24', 'resolved marker 26']);
  // Without the markers, the words.
  const words = text.replace(/ \[(?:detected|acknowledged|mitigated|resolved)\]/g, '');
  assert.deepEqual(moments(words), ['started summary 10', 'detected words 19', 'acknowledged words 21', 'mitigated words 23', 'resolved words 25']);
  assert.equal(lifecycleOf(words).lifecycle.find((p) => p.moment === 'mitigated')?.text, 'Rolled back');
});

/** The mitigation word found in `entry`, the only entry between a deploy and a resolution that could say it. */
const mitigation = (entry: string) => findMilestones(analyze(report([], '- 2024-03-14 10:00 Deploy goes out.', `- 2024-03-14 10:30 ${entry}`, '- 2024-03-14 12:00 Resolved.')))
  .milestones.find((m) => m.kind === 'mitigated')?.word ?? null;

test('time to mitigate counts rollbacks, reverts, failovers, disabled flags and restarts that restored service; negated or merely tried, not', () => {
  assert.equal(mitigation('Rolled back to v1.2.'), 'Rolled back');
  assert.equal(mitigation('Rollback completed; errors stop.'), 'Rollback completed');
  assert.equal(mitigation('The config change was reverted.'), 'reverted');
  assert.equal(mitigation('Database failed over to the replica.'), 'failed over');
  assert.equal(mitigation('Failover complete.'), 'Failover complete');
  assert.equal(mitigation('Disabled the new-checkout feature flag.'), 'Disabled the new-checkout feature flag');
  assert.equal(mitigation('Feature flag turned off for all users.'), 'Feature flag turned off');
  assert.equal(mitigation('Restarted the API pods, service back to normal.'), 'Restarted the API pods, service back to normal');
  assert.equal(mitigation('Restarted the API pods.'), null, 'a restart that restored nothing');
  // 038: "Attempted to restart the Database server, but it failed to come back online."
  assert.equal(mitigation('Attempted to restart the database server, but it failed to come back online.'), null);
  assert.equal(mitigation('Tried to restart the pods to get the service back up; no luck.'), null);
  assert.equal(mitigation('Rollback tried, errors continue.'), null);
  assert.equal(mitigation('The deploy was not rolled back.'), null);
  assert.equal(mitigation("We didn't fail over."), null);
  // In the present tense, as many timelines are written; not while it is only tried.
  assert.equal(mitigation('The team rolls back the deploy.'), 'rolls back');
  assert.equal(mitigation('The primary database fails over to the replica.'), 'fails over');
  assert.equal(mitigation('The team tries to roll back the deploy.'), null);
  // A service back, however briefly (117).
  assert.equal(mitigation('Build Service comes back from downtime.'), 'comes back from downtime');
  assert.equal(mitigation('The API came back up after the restart.'), 'came back up');
  assert.equal(mitigation('The API did not come back up.'), null);
  assert.equal(mitigation('The API never came back up.'), null);
  assert.equal(mitigation('Nobody rolls back the deploy.'), null);
  // Done, and it stopped nothing (the classic fixture's "rolls back the web app (no effect)").
  assert.equal(mitigation('On-call rolls back the web app (no effect).'), null);
  assert.equal(mitigation('The config change was reverted, to no avail.'), null);
  assert.equal(mitigation('Rolled back to v1.2; it did not help.'), null);
  assert.equal(mitigation('Rolled back to v1.2. No effect on the disk usage graph, which was expected.'), 'Rolled back');
  // The next sentence says the problem stayed (a held-out ALX report).
  assert.equal(mitigation('Rolled back the deployment. Problem still there. Panic level: rising.'), null);
  assert.equal(mitigation('Rolled back the deployment. The errors persisted.'), null);
  assert.equal(mitigation('Rolled back the deployment. Errors stopped.'), 'Rolled back');
});

test('"pages" is the pager paging someone, not web pages (EDGI: "lists of pages in a site")', () => {
  const detected = (entry: string) => findMilestones(analyze(report([], '- 2024-03-14 10:00 Deploy goes out.', `- 2024-03-14 10:30 ${entry}`, '- 2024-03-14 12:00 Resolved.')))
    .milestones.find((m) => m.kind === 'detected')?.word ?? null;
  assert.equal(detected('PagerDuty pages the on-call engineer.'), 'pages');
  assert.equal(detected('The scraper fails for lists of pages in a site.'), null);
  assert.equal(detected('Some pages return 500s.'), null);
});

test('mitigation also in "temporary fix", "gradually restored", "mitigation measures implemented" and a successful rollback', () => {
  assert.equal(mitigation('A temporary fix was implemented by resizing the pool.'), 'temporary fix');
  assert.equal(mitigation('Increased internal HTTP client timeout to 60s as a temporary mitigation.'), 'temporary mitigation');
  assert.equal(mitigation('Services gradually restored.'), 'gradually restored');
  assert.equal(mitigation('DDoS mitigation measures implemented; traffic rerouted.'), 'mitigation measures implemented');
  assert.equal(mitigation('Successful configuration change rollback.'), 'Successful configuration change rollback');
  assert.equal(mitigation('A roll back was made to the previous setting.'), 'roll back was made');
  assert.equal(mitigation('Rollback begins.'), null, 'a rollback begun has mitigated nothing yet');
});

test('mitigation also in a hotfix shipped, a successful restart, and the service or its load steadied (the corpus\'s words)', () => {
  for (const [entry, word] of [
    // 012, 015, 112, 004, 101
    ['Configuration file was corrected, and the Nginx server was restarted successfully.', 'restarted successfully'],
    ['Firmware updated, and load distribution normalized.', 'normalized'],
    ['The operator witnesses pods being stabilised and runs a journey in a browser.', 'stabilised'],
    ['Reverting the update reduced the connection load, and services began recovering.', 'began recovering'],
    ['The updates were applied, and the service began to recover.', 'began to recover'],
    ['Hotfix deployed to the payment service.', 'Hotfix deployed'],
    ['We shipped a hot-fix for the parser.', 'shipped a hot-fix'],
  ] as const) assert.equal(mitigation(entry), word, entry);
  for (const entry of [
    'Latency has not stabilized yet.',
    'The pods never stabilised.',
    'Preparing a hotfix for the parser.',
    'Attempted to restart the server; it did not come up.',
  ]) assert.equal(mitigation(entry), null, entry);
});

// Each entry as the only one that could say the moment, between a start and an end that say nothing.
const saying = (kind: 'detected' | 'resolved', entry: string) => findMilestones(analyze(report([], '- 2024-03-14 10:00 Deploy goes out.', `- 2024-03-14 10:30 ${entry}`, '- 2024-03-14 12:00 Postmortem scheduled.')))
  .milestones.find((m) => m.kind === kind)?.word ?? null;

test('a service that appears restored is mitigated, not yet resolved (corpus 061, 114); one that does not appear so is neither', () => {
  for (const [entry, word] of [
    ['Chris notices that proxy pod is working again. Service appears to be restored.', 'appears to be restored'],
    ['We bump resource guarantees for all the core pods. Things seem to return to normal.', 'seem to return to normal'],
    ['The API seemed to have been back online after the restart.', 'seemed to have been back online'],
  ] as const) {
    assert.equal(mitigation(entry), word, entry);
    assert.equal(saying('resolved', entry), null, `${entry}: not the resolution`);
  }
  for (const entry of [
    "The service doesn't appear to be restored.",
    'Errors do not seem to return to normal.',
    'Nothing seems to be working again.',
  ]) assert.equal(mitigation(entry), null, entry);
});

test('detection is also a person noticing, users reporting or complaining, a ticket opened; not telling customers, nor a complaint filed elsewhere', () => {
  for (const [entry, word] of [
    ['The developer team noticed webpage returning 500 error.', 'noticed'],
    ['CloudWatch notifies an outage in one of the servers.', 'notifies'],
    ['Error 501 was reported for the first time.', 'reported'],
    ['Reports of issues start arriving.', 'Reports of'],
    ['First user report of 500 errors on checkout.', 'First user report'],
    ['A user complained that the landing page is blank.', 'complained'],
    ['Multiple customers complaints received.', 'Multiple customers complaints'],
    ['Some users opened a ticket that they could not sign in.', 'opened a ticket'],
    ['We became aware of it during a call.', 'became aware'],
    ['The issue was discovered by a line associate.', 'issue was discovered'],
    ['Customer support reports a spike in failed payments.', 'Customer support reports'],
    ['Users report issues with WordPress installations.', 'Users report'],
    ['The help desk reports failed logins.', 'help desk reports'],
    ['Automated warning from AWS, that the load balancer was unable to scale up.', 'Automated warning'],
    // 114
    ['Incoming report that many students can not access the hub.', 'Incoming report'],
  ] as const) assert.equal(saying('detected', entry), word, entry);
  for (const entry of [
    'Marketing notifies them that the page will be live shortly.',
    'Submitting abuse complaints to the domain registrar.',
    'News reports that a new sonnet has been discovered.',
    'Service is fully up, no further issues reported.',
    'GitHub reports all normal on its status page.',
    'Cloudflare placed a "Suspected Phishing" warning on the domain.',
    '@steve reports that webhooks appear to be working fine on their end.',
  ]) assert.equal(saying('detected', entry), null, entry);
});

test('resolution is also "back online", "back to normal", "up and running", "incident closed", "the issue was fixed", "normal service resumed", "returned to normal", "full system recovery", "back to service"; not when it is awaited, attempted, checked, aimed at, believed or partial', () => {
  for (const [entry, word] of [
    ['100% of traffic is back online.', 'back online'],
    ['Everything eventually returned back to normal.', 'back to normal'],
    ['The website is up and running.', 'up and running'],
    ['Incident closed; SSH works again.', 'Incident closed'],
    ['Service restored, but we kept monitoring for an hour.', 'restored'],
    ['We got the service back up and running.', 'up and running'],
    // 031
    ['The Root and collateral causes was fixed.', 'causes was fixed'],
    ['Issue fixed; monitoring.', 'Issue fixed'],
    // 039, 057, 097, 098
    ['Normal service resumed as traffic stabilized.', 'Normal service resumed'],
    ['Full system recovery confirmed; monitoring resumed normal operations.', 'Full system recovery'],
    ['Monitoring resumed normal operations.', 'resumed normal operations'],
    ['The pizza site is back to service', 'back to service'],
    ['The pizza site was put back into service.', 'back into service'],
    // 004, 014
    ['Database connections stabilized. System returned to normal operation.', 'returned to normal'],
  ] as const) assert.equal(saying('resolved', entry), word, entry);
  for (const entry of [
    'Servers reverted to the old config until the error is resolved.',
    'Attempted to restart the database server, but it failed to come back online.',
    'Ensuring Apache and MySQL are up and running.',
    'Database server back online, but the website still had cache errors.',
    'Service appears to be restored; watching.',
    'Engineers gradually restored service.',
    'Nothing was restored.',
    // 112 and 060: an aim, a belief.
    'The operator prioritises getting the service back up and running and merges the changes.',
    'Believing the issue to be resolved, work resumes.',
    'We assumed the outage was resolved and left.',
    // 087: one of the two problems.
    'After restarting Nginx, it listens on port 8080. One problem is fixed.',
    'Until the issue is fixed, a static page is served.',
    'The bug will be fixed in the next release.',
    'Service was not resumed until the next morning.',
    'We worked towards a full recovery of the database.',
    // 060
    'Hub behavior is believed to have returned to normal.',
  ]) assert.equal(saying('resolved', entry), null, entry);
});

test('postmortem.metrics: each figure between the moments the setting names; bad values get clear messages and keep the default', () => {
  const text = report(['detected: 2024-03-14T10:05Z']);
  assert.deepEqual(figures(text, { metrics: { timeToResolve: { from: 'detected', to: 'resolved' } } }).timeToResolve, '115 detected→resolved');
  const { settings, problems } = readSettings({ metrics: {
    timeToDetect: { from: 'detected', to: 'started' },
    timeToMitigate: { from: 'begun', to: 'mitigated' },
    timeToLunch: { from: 'started', to: 'resolved' },
    timeToResolve: 'started',
  } });
  assert.deepEqual(problems, [
    'settings: metrics.timeToDetect must go forward in the incident\'s life (started, detected, acknowledged, mitigated, resolved); "detected" → "started" does not',
    'settings: metrics.timeToMitigate needs "from" and "to", each one of started, detected, acknowledged, mitigated, resolved; got {"from":"begun","to":"mitigated"}',
    'settings: metrics.timeToLunch is not a metric (timeToDetect, timeToAcknowledge, timeToMitigate, timeToResolve)',
    'settings: metrics.timeToResolve needs "from" and "to", each one of started, detected, acknowledged, mitigated, resolved; got "started"',
  ]);
  assert.deepEqual(settings.metrics.timeToDetect, { from: 'started', to: 'detected' });
  assert.deepEqual(readSettings({ metrics: [] }).problems, ['settings: metrics must be an object such as { "timeToResolve": { "from": "detected", "to": "resolved" } }']);
});

test('a dated front matter time and an undated timeline are not on one axis: no figure, no duration', () => {
  const undated = joinLines('---', 'started: 2024-03-14T10:00Z', '---', '# Postmortem: API outage', '', '## Timeline (UTC)', '', '- 10:05 Alert fires.', '- 11:00 Resolved.', '');
  const model = analyze(undated);
  assert.equal(model.incident.start?.source, 'front-matter');
  assert.equal(model.incident.durationMinutes, null);
  assert.deepEqual(figures(undated), {});
  assert.deepEqual(lifecycleOf('just a note').lifecycle, [], 'a document that is not a postmortem has no life');
});

test('corpus: every moment on a real line, every figure forward and within 60 days, and the card shows the lifecycle\'s figures', { skip: CORPUS_SKIP }, () => {
  let withDetect = 0;
  let withMitigate = 0;
  for (const file of readdirSync(CORPUS).filter((name) => /^\d+\.md$/.test(name))) {
    const model = analyze(readCorpus(file));
    const settings = settingsWith();
    const { lifecycle, metrics } = incidentLifecycle(model, settings);
    for (const point of lifecycle) assert.ok(point.line === null || (point.line >= 0 && point.line < model.lines.index.lineCount), `${file}: ${point.moment}`);
    for (const [name, figure] of Object.entries(metrics)) {
      assert.ok(figure.minutes >= 0 && figure.minutes <= 60 * 24 * 60, `${file}: ${name} ${figure.minutes}`);
      if (figure.early !== undefined) assert.ok(figure.minutes === 0 && figure.from.moment === 'started' && figure.early > 0, `${file}: ${name} early ${figure.early}`);
      assert.deepEqual([figure.from.moment, figure.to.moment], [settings.metrics[name as keyof typeof settings.metrics].from, settings.metrics[name as keyof typeof settings.metrics].to]);
    }
    const card = incidentCard(model, settings);
    assert.deepEqual([card.timeToDetect?.minutes, card.timeToMitigate?.minutes, card.timeToResolve?.minutes],
      [metrics.timeToDetect?.minutes, metrics.timeToMitigate?.minutes, metrics.timeToResolve?.minutes], file);
    if (metrics.timeToDetect) withDetect++;
    if (metrics.timeToMitigate) withMitigate++;
  }
  assert.ok(withDetect >= 25, `time to detect found in ${withDetect} corpus documents`);
  assert.ok(withMitigate >= 5, `time to mitigate found in ${withMitigate} corpus documents`);
});

test('an "(outage ends)" written on the start\'s date but before it is the next morning\'s, for the lifecycle and the card as for the window; so is an entry between them', () => {
  // As kubernetes/test-infra writes its timelines (corpus 111): month-day, no year, the date not rolled.
  const text = joinLines(
    '# 2019-03-26 build cluster outage', '', '## Summary', '', 'Jobs could not get a project for nine hours.', '',
    '## Timeline', '', 'All times in PDT (UTC-7).', '',
    '- [03-26 17:40] Node upgrade starts',
    '- [03-26 23:04] The node is drained and the pod crash-loops (**outage starts**)',
    '- [03-26 02:50] The outage is reported on GitHub',
    '- [03-26 08:10] A fixed build is deployed (**outage ends**)',
    '', '## Root Cause', '', 'A crash loop.', '',
  );
  const model = analyze(text);
  assert.equal(model.incident.durationMinutes, 546);
  const { lifecycle, metrics } = incidentLifecycle(model, settingsWith());
  const resolved = lifecycle.find((point) => point.moment === 'resolved');
  assert.deepEqual([resolved?.source, resolved?.line, resolved?.iso], ['marker', 13, '2019-03-27T15:10:00Z']);
  assert.equal(metrics.timeToResolve?.minutes, 546, 'the figure agrees with the duration');
  const card = incidentCard(model, settingsWith());
  assert.equal(card.timeToResolve?.minutes, 546);
  assert.deepEqual(card.end?.source, { from: 'timeline', line: 13, text: '03-26 08:10' });
  // The preview's timeline and the inlay hints place the end entry where the window does, and the report
  // between the start and the end (02:50, on the start's date as written) on the next morning too: the
  // time to detect is 3h 46m, as a reader has it. timeline-out-of-order still reports the date as written.
  assert.deepEqual(analysisResult(model).timeline.map((entry) => entry.offsetMinutes), [-324, 0, 226, 546]);
  assert.deepEqual(inlayHints(model, { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }).map((hint) => hint.label), ['T-5:24', 'T+0:00', 'T+3:46', 'T+9:06']);
  assert.deepEqual([metrics.timeToDetect?.minutes, metrics.timeToDetect?.early, metrics.timeToDetect?.to.iso], [226, undefined, '2019-03-27T09:50:00Z']);
  assert.equal(card.timeToDetect?.minutes, 226);
  assert.ok(diagnosticsOf(text).some((d) => d.code === 'timeline-out-of-order' && d.range.start.line === 12), 'the written date still goes back');
  // Not when the next morning would fall after the end, nor for an entry on another written date.
  const pastEnd = incidentLifecycle(analyze(text.replace('[03-26 02:50]', '[03-26 09:50]')), settingsWith());
  assert.equal(pastEnd.metrics.timeToDetect, undefined);
  const otherDay = incidentLifecycle(analyze(text.replace('[03-26 02:50]', '[03-25 02:50]')), settingsWith());
  assert.equal(otherDay.metrics.timeToDetect, undefined);
  // The first entry to tell a moment is the first in that order: an alert at 23:30 comes before the 02:50 report.
  const alerted = incidentLifecycle(analyze(text.replace('- [03-26 02:50]', '- [03-26 23:30] An alert fires\n- [03-26 02:50]')), settingsWith());
  assert.deepEqual([alerted.metrics.timeToDetect?.minutes, alerted.metrics.timeToDetect?.to.text], [26, 'alert']);
});

test('an alert or a report before the stated start was the first sign: time to detect 0, and how early it came; not further back than the outage lasted, nor for other moments', () => {
  // As the corpus's student postmortems write it (003, 005, 040, 083): the alert comes before the start the summary gives.
  const text = joinLines(
    '# Payment gateway outage', '', '## Summary', '',
    '- Duration: from 1:15 PM to 2:45 PM UTC on June 8, 2024', '- Impact: no payments', '- Root cause: a failing disk', '',
    '## Timeline', '',
    '- 1:13 PM: Monitoring alert triggers on failed payments',
    '- 1:20 PM: The on-call engineer acknowledged the page',
    '- 2:40 PM: The database is migrated and the service is restored', '',
  );
  const { metrics } = lifecycleOf(text);
  assert.deepEqual([metrics.timeToDetect?.minutes, metrics.timeToDetect?.early, metrics.timeToDetect?.to.line], [0, 2, 10]);
  assert.deepEqual([metrics.timeToResolve?.minutes, metrics.timeToResolve?.early], [85, undefined]);
  const card = incidentCard(analyze(text), settingsWith());
  assert.deepEqual([card.timeToDetect?.durationText, card.timeToDetect?.earlyText], ['0m', '2m']);
  // Acknowledged before the start is early too, under a setting that measures it from the start.
  const fromStart = { metrics: { timeToAcknowledge: { from: 'started', to: 'acknowledged' } } };
  assert.deepEqual([lifecycleOf(text.replace('1:20 PM', '1:14 PM'), fromStart).metrics.timeToAcknowledge?.early], [1]);
  // Further back than the outage lasted (1h 30m): a slip of the date or a document at odds with itself.
  assert.equal(lifecycleOf(text.replace('1:13 PM', '11:13 AM')).metrics.timeToDetect, undefined);
  // A figure between other moments that goes back in time is still none (acknowledged before detected).
  assert.equal(lifecycleOf(text.replace('1:20 PM', '1:10 PM')).metrics.timeToAcknowledge, undefined);
});

test('a window that opens on a lead-up and spans more than the stated length: the outage starts that long before the end, and the lead-up\'s words are no moment (corpus 070)', () => {
  const text = joinLines(
    '# 24-10-2024 - All instances not available', '', '## Impact', '', '| Customers Impacted | Incident Duration |', '|:---:|:---:|', '| All | 3h 45m |', '',
    '## Issue Summary', 'Every instance showed the Environment Unavailable message.', '', '## Timeline',
    '- 16-10-2024 11:58 - PR-158 was merged into the default branch.', '- 24-10-2024 04:00 - Karpenter noticed that a new version was available and rolled it out.',
    '- 24-10-2024 04:45 - Availability dropped.', '- 24-10-2024 08:15 - A member of the Product team notified the Technology Team of an issue.',
    '- 24-10-2024 09:15 - Customer instances came back online.', '',
    '## Root Cause', 'A security setting blocked JIT compilation.', '', '## Corrective and Preventive Measures', '- Pin the AMI version.', '');
  const { lifecycle } = lifecycleOf(text);
  assert.deepEqual(lifecycle.map((p) => `${p.moment} ${p.source} ${p.line} ${p.iso} ${p.text}`), [
    'started summary 6 2024-10-24T05:30:00 3h 45m',
    'detected words 15 2024-10-24T08:15:00 notified',
    'resolved words 16 2024-10-24T09:15:00 back online',
  ]);
  assert.deepEqual(figures(text), { timeToDetect: '165 started→detected', timeToResolve: '225 started→resolved' });
  // The card reads the same lifecycle.
  const card = incidentCard(analyze(text), settingsWith());
  assert.deepEqual([card.timeToDetect?.durationText, card.timeToResolve?.durationText, card.timeToResolve?.from.iso], ['2h 45m', '3h 45m', '2024-10-24T05:30:00']);
  // The stated length's hover says why it is the one used.
  const said = hover(analyze(text), { line: 6, character: 10 });
  assert.match(String((said?.contents as { value: string }).value), /\*\*Computed:\*\* 7d 21h 17m[\s\S]*The timeline opens on a lead-up \(line 13\), before the outage: its span only bounds the outage, so the stated length is the one/);
  const troubled = hover(analyze(text.replace('PR-158 was merged into the default branch', 'Errors began')), { line: 6, character: 10 });
  assert.doesNotMatch(String((troubled?.contents as { value: string }).value), /lead-up/);
  // A stated bound ("under 4 hours") moves no start; a first entry that tells trouble is the outage's own start.
  assert.deepEqual(moments(text.replace('| All | 3h 45m |', '| All | under 4 hours |')).slice(0, 2), ['started timeline 12', 'detected words 13']);
  assert.deepEqual(figures(text.replace('PR-158 was merged into the default branch', 'Errors began')), { timeToDetect: '11042 started→detected', timeToResolve: '11357 started→resolved' });
});

// A student report in the style of corpus 048: a window in the summary, the detection told in a sentence.
const told = (...body: string[]) => joinLines(
  '# Postmortem: API outage', '', '## Issue Summary', '',
  'Duration: 14:00 - 15:00 UTC on March 14, 2024.', 'Impact: every request failed.', 'Root cause: a bad deploy.', '',
  ...body, '',
  '## Root Cause and Resolution', '', 'A bad deploy, rolled back.', '',
);

test('a moment told in a sentence with its time, when no timeline entry tells it (corpus 020, 034, 048)', () => {
  const detection = ['## Detection', '', 'The issue was first noticed at 14:10 by the on-call engineer. Alerts followed.'];
  assert.deepEqual(moments(told(...detection)), ['started summary 4', 'detected prose 10', 'resolved summary 4']);
  assert.deepEqual(figures(told(...detection)).timeToDetect, '10 started→detected');
  const point = lifecycleOf(told(...detection)).lifecycle[1];
  assert.deepEqual([point.iso, point.text], ['2024-03-14T14:10:00Z', 'noticed']);
  // Its own zone and date count; a time in another zone is placed there.
  assert.equal(lifecycleOf(told('## Detection', '', 'We detected it on March 14, 2024 at 15:10 CET.')).lifecycle[1].iso, '2024-03-14T14:10:00Z');
  // A summary's labelled moments, as templates write them.
  assert.deepEqual(figures(told('- **Detected:** 2024-03-14 14:05 UTC', '- **Acknowledged:** 14:08 UTC', '- **Mitigated:** 14:40 UTC', '- **Resolved:** 14:50 UTC')),
    { timeToDetect: '5 started→detected', timeToAcknowledge: '3 detected→acknowledged', timeToMitigate: '40 started→mitigated', timeToResolve: '50 started→resolved' });
  assert.deepEqual(moments(told('- **Resolved:** 14:50 UTC')), ['started summary 4', 'resolved prose 8']);
  // A mitigation too, whatever it was for.
  assert.deepEqual(figures(told('Traffic was failed over to the other region at 14:25.')).timeToMitigate, '25 started→mitigated');
  assert.deepEqual(figures(told('We rolled back at 14:30 to mitigate the impact.')).timeToMitigate, '30 started→mitigated');
  // A section after the lessons is read again.
  assert.deepEqual(figures(told('## Lessons learned', '', 'Alerts need owners.', '', '## Detection', '', 'The issue was noticed at 14:10.')).timeToDetect, '10 started→detected');

  for (const [why, body] of [
    ['two times are a span, not a moment', ['Users reported errors between 14:05 and 14:20.']],
    ['what is to come', ['## Detection', '', 'We will add an alert that fires at 14:05 each day.']],
    ['the action items are about the next time', ['## Action Items', '', '- Alert when errors pass 1%: Ann, noticed at 14:30 review.']],
    ['so are the lessons, under a heading the profile does not know', ['## Lessons learned', '', '### Monitoring', '', 'Users reported it at 14:30 before any dashboard did.']],
    ['what for, not what happened', ['Disk checks were added at 14:30 to detect it sooner.']],
    ['outside the incident', ['The issue was reported at 16:30.']],
    ['negated', ['No alert fired at 14:05.']],
    ['no time', ['The issue was noticed by a user.']],
  ] as const) assert.deepEqual(moments(told(...body)), ['started summary 4', 'resolved summary 4'], why);

  // A timeline entry that tells the detection wins over a sentence.
  const both = told('## Detection', '', 'The issue was noticed at 14:10.', '', '## Timeline', '', '- 14:00 UTC: deploy goes out.', '- 14:05 UTC: latency alert fires.', '- 15:00 UTC: service restored.');
  assert.ok(moments(both).includes('detected words 15'), moments(both).join(', '));
  // After midnight: a sentence's time without a date is the next day's when the start was late.
  const late = joinLines('# Postmortem: nightly outage', '', '## Issue Summary', '', 'Duration: 23:50 UTC on March 14, 2024 to 01:00 UTC on March 15, 2024.', 'Impact: all down.', '', 'The issue was noticed at 00:20 by monitoring.', '');
  assert.equal(lifecycleOf(late).metrics.timeToDetect?.minutes, 30);
});

test('corpus 020 and 048: the detection their sentences tell; 034\'s "Issue Detection (November 10, 2023, 8:00 PM)"', { skip: CORPUS_SKIP }, () => {
  const detected = (file: string) => {
    const { lifecycle, metrics } = lifecycleOf(readCorpus(file));
    const point = lifecycle.find((p) => p.moment === 'detected');
    return [point?.source, (point?.line ?? -2) + 1, point?.iso, metrics.timeToDetect?.minutes];
  };
  assert.deepEqual(detected('048.md'), ['prose', 17, '2023-05-14T11:10:00Z', 10]);
  assert.deepEqual(detected('020.md'), ['prose', 31, '2022-02-02T17:00:00', 840]);
  assert.deepEqual(detected('034.md'), ['prose', 19, '2023-11-10T20:00:00Z', 0]);
});

test('a time alone answers the prompt above it: "when was the issue detected:" then "2:17 PM (GMT)" (corpus 050, the ALX template)', () => {
  const doc = (prompt: string) => joinLines(
    '# Postmortem', '', '### Issue Summary:', '', '* Start-time: 06/May/2022 2:10 PM (GMT) End-time: 06/May/2022 3:07 PM (GMT)', '* what was the impact: the sales site was down.', '',
    '### Timeline:', '', prompt, '', '\t2:17 PM (GMT)', '', '* how was the issue detected', '', '\t2:20 PM (GMT) a user complained that the page is blank', '',
    '\t3:07 PM (GMT) The website is back online.', '',
  );
  const detected = (prompt: string) => lifecycleOf(doc(prompt)).lifecycle.find((p) => p.moment === 'detected');
  assert.deepEqual([detected('* when was the issue detected:')?.line, detected('* when was the issue detected:')?.text], [11, 'detected']);
  assert.equal(lifecycleOf(doc('When was the issue detected?')).metrics.timeToDetect?.minutes, 7);
  // A line above that asks nothing is not what the time says: the complaint at 2:20 is the detection.
  assert.deepEqual([detected('* the issue was detected')?.line, detected('* the issue was detected')?.text], [15, 'complained']);
});

test('acknowledged in the present tense too: "On-call engineer acknowledges the page", "on-call joins"; not acknowledging issues to the public', () => {
  const acknowledged = (entry: string) => lifecycleOf(report([], '- 2024-03-14 10:00 Deploy goes out.', '- 2024-03-14 10:12 Latency alert fires.', `- 2024-03-14 10:20 ${entry}`, '- 2024-03-14 12:00 Service restored.'))
    .lifecycle.find((point) => point.moment === 'acknowledged')?.text ?? null;
  for (const [entry, words] of [
    ['On-call engineer acknowledges the page and opens an incident channel.', 'acknowledges the page'],
    ['Ana acks the PagerDuty alert.', 'acks the PagerDuty alert'],
    ['Acknowledging the incident, the on-call lead opens a bridge.', 'Acknowledging the incident'],
    ['The on-call joins the bridge.', 'on-call joins'],
    ['Responders engaged.', 'Responders engaged'],
    ['The on-call engineer acknowledged.', 'acknowledged'],
  ] as const) assert.equal(acknowledged(entry), words, entry);
  for (const entry of [
    'We communicated back to the public acknowledging their issues.',
    'A status page update acknowledges the problem.',
    'Nobody acknowledges the page for an hour.',
  ]) assert.equal(acknowledged(entry), null, entry);
});

test('detected in the present tense too: "Sysadmin discovers outage on web server" (held-out ALX report)', () => {
  const detected = (entry: string) => lifecycleOf(report([], '- 2024-03-14 10:00 Deploy goes out.', `- 2024-03-14 10:20 ${entry}`, '- 2024-03-14 12:00 Service restored.'))
    .lifecycle.find((point) => point.moment === 'detected')?.text ?? null;
  assert.equal(detected('Sysadmin discovers outage on web server, debugging begins.'), 'discovers outage');
  assert.equal(detected('The team discovered the issue in the dashboards.'), 'discovered the issue');
  assert.equal(detected('The team discovers a new library to try.'), null);
});

test('a user "notifying the ESLint team of the issue" is the detection; an attacker who "compromised" an account is a cause (held-out ESLint postmortem)', () => {
  const text = joinLines('# Postmortem', '## Summary', 'On 2018-07-12 an attacker compromised the npm account of a maintainer.', '', '## Timeline',
    '* **2018-07-12 09:49 UTC**: The attacker published a malicious package.', '* **2018-07-12 11:17 UTC**: A user posted an issue, notifying the ESLint team of the issue.',
    '* **2018-07-12 12:37 UTC**: The package was unpublished.', '');
  const model = analyze(text);
  const { lifecycle } = incidentLifecycle(model, settingsWith());
  assert.deepEqual(lifecycle.find((point) => point.moment === 'detected')?.text, 'notifying the ESLint team');
  assert.ok(model.summary?.fields.has('root-cause'));
  assert.ok(!diagnosticsOf(text).some((d) => d.code === 'detection-missing'));
  // Telling the customers is not learning of it.
  assert.equal(incidentLifecycle(analyze(text.replace('notifying the ESLint team of the issue', 'notifying customers of the issue')), settingsWith()).lifecycle.find((point) => point.moment === 'detected'), undefined);
});

test('a part restored before things break again is not the resolution; "alert users" tells them, "users notice" is the detection (held-out Optimism airdrop retrospective)', () => {
  const entries = [
    '- 2022-05-31 07:35 Team funds the airdrop contract.', '- 2022-05-31 07:55 Some Discord users notice the claims frontend is live.',
    '- 2022-05-31 09:54 Indexer service is restored.', '- 2022-05-31 09:55 Deposit processing halts.', '- 2022-05-31 11:20 Banner is added to alert users of delays.',
    '- 2022-05-31 12:21 Claims frontend is taken down again.', '- 2022-05-31 14:57 Status page is set to resolved.', '- 2022-05-31 16:55 A fix is pushed for a failed claims query.',
  ];
  const moment = (lines: string[], name: string) => lifecycleOf(report([], ...lines)).lifecycle.find((point) => point.moment === name);
  assert.deepEqual([moment(entries, 'resolved')?.iso, moment(entries, 'resolved')?.text], ['2022-05-31T14:57:00Z', 'resolved']);
  assert.deepEqual([moment(entries, 'detected')?.iso, moment(entries, 'detected')?.text], ['2022-05-31T07:55:00Z', 'users notice']);
  // Nothing breaking after it: the first said stays the resolution; nothing resolved after the last break: the first too.
  assert.equal(moment(entries.filter((line) => !/halts|taken down/.test(line)), 'resolved')?.iso, '2022-05-31T09:54:00Z');
  assert.equal(moment(entries.filter((line) => !/14:57/.test(line)), 'resolved')?.iso, '2022-05-31T09:54:00Z');
  assert.equal(moment(entries.filter((line) => !/07:55/.test(line)), 'detected'), undefined, 'a banner to alert users detects nothing');
});

test('the first entry is where the story opens: "workloads were restored after planned maintenance" there is no resolution when entries follow (a homelab\'s Prometheus report, held out)', () => {
  const text = joinLines(
    '# INC-2026-005: Prometheus TSDB exhausted its persistent volume', '', '## Summary', 'Prometheus failed to restart after maintenance because its volume was full.', '',
    '## Timeline', 'Times are JST on 2026-07-25.', '', '| Time | Event |', '| --- | --- |',
    '| 10:00 | Monitoring workloads were restored after planned storage maintenance. |', '| 10:05 | Prometheus continued crash-looping. |',
    '| 10:11 | WAL replay completed; Prometheus became ready and service was restored. |', '',
  );
  const resolved = lifecycleOf(text).lifecycle.find((point) => point.moment === 'resolved');
  assert.deepEqual([resolved?.source, resolved?.line], ['words', 12]);
  assert.equal(lifecycleOf(text).metrics.timeToResolve?.minutes, 11);
});

test('"First validator reports an apphash" is the detection, before "ICL notices" (interchain\'s retros, held out)', () => {
  const text = joinLines(
    '# v22.0.1 patch upgrade', '', '## Summary', 'A consensus-breaking patch halted validators.', '', '## Timeline',
    '- Feb 8 0050 UTC: Validators begin upgrading.', '- Feb 8 0117 UTC: First validator reports an apphash.', '- Feb 8 0334 UTC: ICL notices the apphash reports.', '',
  );
  const detected = lifecycleOf(text).lifecycle.find((point) => point.moment === 'detected');
  assert.deepEqual([detected?.line, detected?.text], [7, 'First validator reports']);
});

test('a part restored before the mitigation is not the resolution: the first said at or after it is (a held-out ALX report)', () => {
  const text = joinLines('# Postmortem', '', '## Issue Summary', '', 'The outage lasted 1 hour and 45 minutes, from 08:30 AM to 10:15 AM UTC on August 19, 2024.', '',
    '## Timeline', '', '08:30 AM UTC - Issue detected by monitoring.', '',
    '09:50 AM UTC - Load balancer configuration was corrected, and traffic routing was restored.', '',
    '10:00 AM UTC - Services began recovering, and user access was gradually restored.', '',
    '10:15 AM UTC - Full service was restored, and all users regained access.');
  const { lifecycle, metrics } = lifecycleOf(text);
  assert.deepEqual(lifecycle.filter((p) => p.moment === 'mitigated' || p.moment === 'resolved').map((p) => `${p.moment} ${p.iso} ${p.text}`),
    ['mitigated 2024-08-19T10:00:00Z began recovering', 'resolved 2024-08-19T10:15:00Z restored']);
  assert.equal(metrics.timeToResolve?.minutes, 105);
});
