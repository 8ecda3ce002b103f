// The Postmortems views' other behaviours (issue 18): the title bar's grouping buttons, the choice
// remembered across a window reload, the welcome of a workspace without postmortems and its New
// Postmortem button, and the scanning message while a big workspace's first scan runs. The groups
// they expect are worked out from the fixture files (fixtureIndex.mjs).
import { TIMEOUTS } from './config.mjs';
import { log } from './exec.mjs';
import { expectedIncidentGroups, expectedItemGroups, fixtureIncidents } from './fixtureIndex.mjs';
import { generatedWorkspace, partialWorkspace } from './workspace.mjs';

const incidents = fixtureIncidents();
const today = new Date().toISOString().slice(0, 10);
const groups = {
  month: expectedIncidentGroups(incidents, 'month'),
  severity: expectedIncidentGroups(incidents, 'severity'),
  owner: expectedItemGroups(incidents, 'owner', today),
  status: expectedItemGroups(incidents, 'status', today),
};
// Each grouping must tell the fixture's incidents and items apart differently, or a button that
// does nothing would pass.
if (JSON.stringify(groups.month) === JSON.stringify(groups.severity) || groups.severity.length < 3 || groups.status.length < 2 || groups.owner.length < 3) {
  throw new Error('the e2e workspace no longer has the severities and action items the grouping scenario expects');
}

const NO_POSTMORTEMS = 'No postmortems in this workspace yet.';
const NO_ACTION_ITEMS = "No action items in this workspace's postmortems yet.";
const SCANNING = 'Scanning the workspace for postmortems…';
/**
 * VS Code's own words in a view with no data provider. It shows them until it has read the extension's
 * contributions (the "Looking for postmortems" welcome among them), which can come after the view first
 * shows; once the view has shown anything of ours, they must not come back.
 */
const NO_PROVIDER = /no data provider/i;
const providerLostAfterStart = (states) => states.some(({ text }, i) => NO_PROVIDER.test(text) && states.slice(0, i).some((earlier) => !NO_PROVIDER.test(earlier.text)));
/** A recorded state that says there is nothing (welcomes carry their buttons' words after the text). */
const saysNothing = ({ state, text }) => state === 'welcome' && (text.startsWith(NO_POSTMORTEMS) || text.startsWith(NO_ACTION_ITEMS));
const VIEWS = ['Incidents', 'Action Items'];
/** Enough postmortems for the first scan to last a few seconds (6 s here), so its message shows in a screenshot. */
const GENERATED = 1000;

export const viewScenarios = [
  {
    name: 'the title-bar buttons group Incidents by severity and Action Items by status; a reloaded window keeps the choice; the buttons switch back',
    slug: '11-grouping',
    async run({ wb, snap }) {
      await wb.showPostmortems();
      await wb.widenSidebar(220);
      // The first wait includes the language server's start and the workspace scan.
      await wb.waitForViewGroups('Incidents', groups.month, TIMEOUTS.ui * 2);
      await wb.waitForViewGroups('Action Items', groups.owner);

      await wb.clickViewAction('Incidents', 'Group Incidents by Severity');
      await wb.waitForViewGroups('Incidents', groups.severity);
      await wb.clickViewAction('Action Items', 'Group Action Items by Status');
      await wb.waitForViewGroups('Action Items', groups.status);
      await snap('switched');

      await wb.reloadWindow();
      await wb.focusPostmortems();
      await wb.waitForViewGroups('Incidents', groups.severity, TIMEOUTS.ui * 2);
      await wb.waitForViewGroups('Action Items', groups.status);
      await snap('reloaded');

      // Each view's title bar now offers the way back, and later runs see the default again.
      await wb.clickViewAction('Incidents', 'Group Incidents by Month');
      await wb.waitForViewGroups('Incidents', groups.month);
      await wb.clickViewAction('Action Items', 'Group Action Items by Owner');
      await wb.waitForViewGroups('Action Items', groups.owner);
    },
  },
  {
    name: 'a workspace without postmortems: both views welcome with New Postmortem, whose button creates one that the Incidents view then lists',
    slug: '12-welcome',
    workspace: (root) => ({ folder: partialWorkspace(root, 'no-postmortems', ['README.md']), expectFile: 'README.md' }),
    async run({ wb, snap }) {
      await wb.recordViewStates('Incidents');
      await wb.showPostmortems();
      const welcome = wb.viewWelcome('Incidents').filter({ hasText: NO_POSTMORTEMS });
      await welcome.waitFor({ timeout: TIMEOUTS.ui * 2 });
      await wb.viewWelcome('Action Items').filter({ hasText: NO_ACTION_ITEMS }).waitFor();
      await snap('welcome');
      // Welcomed only once the scan had found nothing: never before or during it.
      const states = await wb.viewStates('Incidents');
      const scanned = states.findIndex(({ text }) => text === SCANNING);
      if (scanned < 0 || states.findIndex(saysNothing) < scanned || providerLostAfterStart(states)) {
        throw new Error(`the Incidents view went through ${JSON.stringify(states)}`);
      }
      log(`the Incidents view's states (ms since just before the click): ${JSON.stringify(states)}`);

      await welcome.locator('.monaco-button', { hasText: 'New Postmortem' }).click();
      await wb.answerQuickInput('Cache stampede after a deploy');
      await wb.answerQuickInput('google-sre', 'google-sre');
      await wb.page.locator('.tab.active', { hasText: `${today}-cache-stampede-after-a-deploy-postmortem.md` }).waitFor();
      await wb.viewRow('Incidents', 'Cache stampede after a deploy').waitFor();
      await welcome.waitFor({ state: 'hidden' });
      // Filed under this month, from the date New Postmortem wrote in its front matter.
      const month = new Date(`${today}T12:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      const groupsShown = (await wb.viewSnapshot('Incidents')).filter((row) => row.level === 1).map((row) => row.label);
      if (JSON.stringify(groupsShown) !== JSON.stringify([month])) throw new Error(`the new postmortem is filed under ${JSON.stringify(groupsShown)}, not ${month}`);
    },
  },
  {
    name: `a workspace of ${GENERATED} postmortems: the views say they are scanning until the first scan ends, never that there are none`,
    slug: '13-scanning',
    workspace: (root) => ({ folder: generatedWorkspace(root, 'many-postmortems', GENERATED), expectFile: 'postmortems' }),
    async run({ wb, workspace, snap }) {
      for (const view of VIEWS) await wb.recordViewStates(view);
      await wb.showPostmortems();
      // However briefly the message shows, the recorder notes it; the screenshot needs it to last.
      for (const view of VIEWS) await wb.waitForViewState(view, 'message', SCANNING, TIMEOUTS.ui * 2);
      const scanning = wb.viewMessage('Incidents').filter({ hasText: SCANNING });
      if (await scanning.isVisible()) await snap('scanning');
      else log('the scan was over before the screenshot of its message');
      await scanning.waitFor({ state: 'hidden', timeout: TIMEOUTS.ui * 4 });

      // Every generated file is counted in its month once the scan is over.
      await wb.clickViewAction('Incidents', 'Collapse All');
      await wb.viewPane('Incidents').locator('.monaco-list-row[aria-level="2"]').first().waitFor({ state: 'detached' });
      const expected = expectedIncidentGroups(fixtureIncidents(workspace), 'month').map(([label, titles]) => [label, String(titles.length)]);
      const shown = (await wb.viewSnapshot('Incidents')).filter((row) => row.level === 1).map((row) => [row.label, row.description]);
      if (JSON.stringify(shown) !== JSON.stringify(expected)) throw new Error(`month groups ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
      for (const view of VIEWS) {
        const states = await wb.viewStates(view);
        // The message first, then the rows; never the welcome that says there is nothing.
        if (!states.some(({ text }) => text === SCANNING) || states.some(saysNothing) || providerLostAfterStart(states) || states.at(-1).state !== 'rows') {
          throw new Error(`the ${view} view went through ${JSON.stringify(states)}`);
        }
        log(`the ${view} view's states (ms since just before the click): ${JSON.stringify(states)}`);
      }
    },
  },
];
