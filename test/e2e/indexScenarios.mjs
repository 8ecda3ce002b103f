// The incident index's user stories (issue 18): the Postmortems container's views list the
// workspace's postmortems with their durations and follow a saved edit; the dashboard draws its
// charts, opens an incident on click and exports itself. What they expect is read from the fixture.
import fs from 'node:fs';
import path from 'node:path';
import { TIMEOUTS } from './config.mjs';
import { expectedIncidentGroups, fixtureIncidents } from './fixtureIndex.mjs';
import { lineOf } from './workspace.mjs';

const EDITED = '2024-05-02-search-latency.md';
const EDITED_TITLE = 'Search latency during the index rebuild';
const NEW_TITLE = 'Search latency during the nightly index rebuild';
const OVERDUE_ITEM = 'Alert 30 days before any certificate expires';

const incidents = fixtureIncidents();
if (incidents.length < 4 || !incidents.some((i) => i.title === EDITED_TITLE)) throw new Error('the e2e workspace no longer has the postmortems the index scenarios expect');

export const indexScenarios = [
  {
    name: 'the Incidents view lists every postmortem with its duration; a saved edit updates it; Action Items puts overdue first',
    slug: '9-incidents',
    async run({ wb, workspace, snap }) {
      await wb.showPostmortems();
      // Room for the titles and their durations side by side in the screenshots.
      await wb.widenSidebar(220);
      // The first wait includes the language server's start and the workspace scan.
      for (const incident of incidents) {
        await wb.viewRow('Incidents', incident.title).filter({ hasText: incident.duration }).first().waitFor({ timeout: TIMEOUTS.ui * 2 });
      }
      // Grouped by month, newest first.
      const months = (await wb.viewSnapshot('Incidents')).filter((row) => row.level === 1).map((row) => row.label);
      const expected = expectedIncidentGroups(incidents, 'month').map(([label]) => label);
      if (JSON.stringify(months) !== JSON.stringify(expected)) throw new Error(`month groups ${JSON.stringify(months)}, expected ${JSON.stringify(expected)}`);
      // The Action Items view: the owner with the most overdue items first, the overdue item marked.
      const owners = (await wb.viewSnapshot('Action Items')).filter((row) => row.level === 1);
      if (owners[0]?.label !== 'bob' || !/2 overdue/.test(owners[0].description)) throw new Error(`first owner: ${JSON.stringify(owners)}`);
      await wb.viewRow('Action Items', OVERDUE_ITEM).filter({ hasText: 'overdue since 2024-03-01' }).waitFor();
      await snap('views');

      // A click on an action item opens its line.
      await wb.viewRow('Action Items', OVERDUE_ITEM).click();
      await wb.page.locator('.tab.active', { hasText: '2024-01-18-login-outage.md' }).waitFor();
      await wb.waitForCursorLine(lineOf(workspace, 'postmortems/2024-01-18-login-outage.md', OVERDUE_ITEM));

      // A click on an incident opens it at its title; a saved edit of the title shows in the view.
      await wb.viewRow('Incidents', EDITED_TITLE).click();
      await wb.page.locator('.tab.active', { hasText: EDITED }).waitFor();
      await wb.waitForCursorLine(lineOf(workspace, `postmortems/${EDITED}`, `# ${EDITED_TITLE}`));
      await wb.replaceAll(EDITED_TITLE, NEW_TITLE);
      await wb.page.keyboard.press('Control+S');
      await wb.page.locator('.tab.active:not(.dirty)', { hasText: EDITED }).waitFor();
      await wb.viewRow('Incidents', NEW_TITLE).waitFor();
      if (await wb.viewRow('Incidents', EDITED_TITLE).filter({ hasNotText: 'nightly' }).count()) throw new Error('the old title is still listed');
    },
  },
  {
    name: 'the incident dashboard draws its charts, opens an incident on click and exports to HTML',
    slug: '10-dashboard',
    async run({ wb, workspace, snap }) {
      await wb.showPostmortems();
      await wb.viewRow('Incidents', incidents[0].title).first().waitFor({ timeout: TIMEOUTS.ui * 2 });
      await wb.runCommand('Postmortem: Open Incident Dashboard');
      const dashboard = wb.webview();
      await dashboard.locator('svg.pm-chart').nth(5).waitFor({ timeout: TIMEOUTS.ui * 2 });
      const titles = await dashboard.locator('svg.pm-chart > title').allTextContents();
      for (const wanted of ['Incidents per month', 'Time to detect', 'Time to resolve', 'Severity mix', 'Longest incidents', 'Open and overdue action items by owner']) {
        if (!titles.some((title) => title.startsWith(wanted))) throw new Error(`no chart "${wanted}": ${JSON.stringify(titles)}`);
      }
      await dashboard.locator('.pm-totals', { hasText: `${incidents.length} incidents` }).waitFor();
      await snap('charts');

      // The longest incident is the login outage: a click opens it.
      const longest = incidents.find((incident) => incident.file.includes('login-outage'));
      const tab = wb.page.locator('.tab.active', { hasText: path.basename(longest.file) });
      await wb.clickInWebview(dashboard.locator('.pm-open', { hasText: longest.title.slice(0, 20) }), (timeout) => tab.waitFor({ timeout }),
        async () => `active tab: ${(await wb.page.locator('.tab.active').first().innerText()).trim()}`);

      // Export to HTML: the save dialog proposes incident-dashboard.html in the workspace.
      await wb.runCommand('Postmortem: Export Incident Dashboard to HTML');
      await wb.page.waitForFunction(() => /incident-dashboard\.html$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''));
      await wb.page.keyboard.press('Enter');
      await wb.page.locator('.notification-toast', { hasText: 'Exported the dashboard' }).first().waitFor();
      const html = fs.readFileSync(path.join(workspace, 'incident-dashboard.html'), 'utf8');
      if (!/<svg class="pm-chart/.test(html) || /<script/i.test(html)) throw new Error('the export lacks its charts or carries a script');
    },
  },
];
