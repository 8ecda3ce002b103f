// The profile in use and why, on the preview's card as in the hover and the status bar (issue 16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, joinLines, readFixture, settingsWith } from '../helpers';
import { renderResult } from '../../server/src/features/preview';
import { renderCard } from '../../client/src/preview/incidentView';

const cardOf = (text: string, raw: Record<string, unknown> = {}) => renderCard(renderResult(analyze(text, raw), settingsWith(raw), 'file:///pm.md', 1));

test('the card names the profile and why: chosen by the sections, named in the settings', () => {
  const sre = joinLines('# Search outage', '## Summary', 'Down 66 minutes.', '## Impact', 'All queries.', '## Root Causes', 'A leak.',
    '## Trigger', 'Traffic.', '## Resolution', 'Capacity.', '## Detection', 'Paged.', '## Action Items', '- Shed load', '## Lessons Learned', 'Luck.',
    '## Timeline', '- 14:54 UTC: outage begins', '- 16:00 UTC: outage ends');
  assert.match(cardOf(sre), /data-testid="profile">Profile <b>google-sre<\/b>, chosen by the document&#39;s own sections</);
  assert.match(cardOf(readFixture('classic-complete.md'), { profile: 'classic' }), /Profile <b>classic<\/b>, named in the settings/);
});
