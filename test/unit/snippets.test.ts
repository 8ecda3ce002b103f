// Snippets: valid, contributed for Markdown, and each profile's template has its sections in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, analyze } from '../helpers';
import { BUILT_IN_PROFILES } from '../../server/src/core/profiles';

const snippets: Record<string, { prefix: string[]; body: string[]; description: string }> = JSON.parse(readFileSync(join(ROOT, 'snippets', 'postmortem.code-snippets'), 'utf8'));

test('snippets are contributed for Markdown', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './snippets/postmortem.code-snippets' }]);
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.ok(snippet.prefix.length && snippet.body.length && snippet.description, name);
  }
});

/** The text a snippet expands to when every placeholder keeps its default. */
function expand(body: string[]): string {
  let text = body.join('\n');
  for (let i = 0; i < 5; i++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1');
  return text.replace(/\$\{\d+\}|\$\d+/g, 'x').replace(/\$CURRENT_YEAR/g, '2024').replace(/\$CURRENT_MONTH/g, '05').replace(/\$CURRENT_DATE/g, '10').replace(/\$CURRENT_HOUR/g, '14').replace(/\$CURRENT_MINUTE/g, '05');
}

test('each profile template expands to a postmortem with every section of its profile', () => {
  const templates: Record<string, string> = { classic: 'Postmortem (classic)', 'google-sre': 'Postmortem (Google SRE)', pagerduty: 'Postmortem (PagerDuty)', atlassian: 'Postmortem (Atlassian)' };
  for (const [profile, name] of Object.entries(templates)) {
    const text = expand(snippets[name].body);
    const model = analyze(text, { profile });
    const missing = model.requirements.filter((s) => s.spec.required && !s.present);
    assert.deepEqual(missing.map((s) => s.spec.title), [], name);
    assert.deepEqual(BUILT_IN_PROFILES[profile].sections.filter((s) => s.required).length, model.requirements.filter((s) => s.spec.required).length);
  }
});

test('placeholders run in a sensible tab order: the title first, numbers ascending through the body', () => {
  for (const [name, snippet] of Object.entries(snippets)) {
    const numbers = [...snippet.body.join('\n').matchAll(/\$\{(\d+)/g)].map((m) => Number(m[1]));
    const firstSeen = numbers.filter((n, i) => numbers.indexOf(n) === i);
    assert.deepEqual(firstSeen, [...firstSeen].sort((a, b) => a - b), `${name}: ${firstSeen}`);
    if (firstSeen.length) assert.equal(firstSeen[0], 1, name);
  }
});

test('the timeline-entry snippet expands to an entry the model reads', () => {
  const text = ['# Postmortem', '## Timeline', expand(snippets['Timeline entry (now)'].body)].join('\n');
  const [entry] = analyze(text).timeline;
  assert.equal(entry.timeText, '14:05 UTC');
});
