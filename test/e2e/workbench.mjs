// What a user sees and does in the VS Code workbench, as Playwright locators and key presses.
// Every wait is on something the UI shows (a row, a widget, a status bar text), never a fixed
// sleep; the timeouts only bound how long a wait may take before the scenario fails.
import { TIMEOUTS } from './config.mjs';
import { log } from './exec.mjs';

/** Regex-escape a literal. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** How long the command palette gets to list a command before it is opened again (see runCommand). */
const PALETTE_RETRY_MS = 5_000;
/** How long a click in a webview gets to show its outcome before it is clicked again (see clickInWebview). */
const WEBVIEW_CLICK_RETRY_MS = 10_000;

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  /** Loads the workbench on a folder and waits until the explorer lists the folder's files. */
  async open(baseUrl, folder, expectFile) {
    await this.page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUTS.workbench });
    await this.explorerRow(expectFile).waitFor({ timeout: TIMEOUTS.workbench });
  }

  explorerRow(name) {
    return this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^${escape(name)}`) });
  }

  /** Opens a file by clicking it in the explorer; resolves once its editor is the active tab. */
  async openFile(name) {
    await this.explorerRow(name).click();
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** Switches to an already open editor by its tab. */
  async activateTab(name) {
    await this.page.locator('.tab', { hasText: name }).click();
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
  }

  // --- Problems panel -------------------------------------------------------------------------

  /** Ctrl+Shift+M, as a user opens the Problems panel. */
  async showProblems() {
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor();
  }

  /** A problem row by diagnostic code, and optionally its source ("postmortem"). */
  problem(code, source) {
    let row = this.page.locator('.markers-panel .monaco-list-row', {
      has: this.page.locator('.marker-code', { hasText: new RegExp(`^${escape(code)}$`) }),
    });
    if (source) row = row.filter({ has: this.page.locator('.marker-source', { hasText: new RegExp(`^${escape(source)}$`) }) });
    return row;
  }

  /** The Problems panel's file node for a file (present only if the file has problems). */
  problemFile(name) {
    return this.page.locator('.markers-panel .monaco-list-row[aria-level="1"]', { hasText: new RegExp(`^${escape(name)}`) });
  }

  /** Everything the Problems panel lists, in order: files and their problems (for reports). */
  async problemsSnapshot() {
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((row) => {
      const text = (selector) => row.querySelector(selector)?.textContent?.trim() ?? '';
      if (row.getAttribute('aria-level') === '1') return { file: text('.label-name') };
      return { message: text('.marker-message'), source: text('.marker-source'), code: text('.marker-code'), at: text('.marker-line') };
    }));
  }

  // --- Editor ---------------------------------------------------------------------------------

  /** The status bar's "Ln X, Col Y" item. */
  cursorStatus() {
    return this.page.locator('[id="status.editor.selection"]');
  }

  /** Waits until the cursor is on a 1-based line, as the status bar shows it. */
  async waitForCursorLine(line, timeout) {
    await this.cursorStatus().filter({ hasText: new RegExp(`^Ln ${line},`) }).waitFor({ timeout });
  }

  /** The status bar's cursor text now ("Ln 3, Col 1"), or what stands in its place (for reports). */
  async cursorStatusText() {
    const status = this.cursorStatus();
    return (await status.count()) ? `cursor: ${(await status.first().innerText()).trim()}` : 'no cursor in the status bar';
  }

  async waitForEditorFocus() {
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /** Gives the active editor keyboard focus, cursor kept, as clicking its tab does. */
  async focusEditor() {
    await this.page.locator('.tab.active').click();
    await this.waitForEditorFocus();
  }

  // --- Webviews (the preview, the dashboard) --------------------------------------------------

  /** The active webview's own page: an outer iframe from the workbench, the page's frame inside it. */
  webview() {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /**
   * Clicks `target` in a webview page once the page's script has its listeners (the page marks its
   * body `data-pm-interactive`; its content shows before the script has loaded), then waits for
   * `outcome`, a wait on the workbench. If the outcome has not come, clicks again, a bounded number
   * of times, logging each retry and what `describe` says of the workbench then.
   */
  async clickInWebview(target, outcome, describe = async () => '') {
    await this.webview().locator('body[data-pm-interactive]').waitFor({ timeout: TIMEOUTS.ui });
    for (let attempt = 1; ; attempt++) {
      await target.click();
      try {
        await outcome(WEBVIEW_CLICK_RETRY_MS);
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        log(`a click in the webview had no effect within ${WEBVIEW_CLICK_RETRY_MS} ms (${await describe()}): clicking again`);
      }
    }
  }

  /** Ctrl+. — the lightbulb's menu of code actions at the cursor. Returns the menu's locator. */
  async openQuickFixMenu() {
    const menu = this.page.locator('.action-widget:not(.action-list-submenu-panel)');
    // On a loaded machine the first Ctrl+. can come before the editor has its code actions and
    // show nothing; press again (a bounded number of times) until the menu is there.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+Period');
      try {
        await menu.getByRole('option').first().waitFor({ timeout: 10_000 });
        return menu;
      } catch (error) {
        if (attempt >= 4) throw error;
        await this.page.keyboard.press('Escape');
        await this.waitForEditorFocus();
      }
    }
  }

  /**
   * Ctrl+F for a literal text; resolves with the find widget's count ("1 of 1", "No results")
   * once it has counted, then closes the widget. Works on any line, rendered or not.
   * Focuses the editor first: Ctrl+F in the Problems panel would open the panel's filter.
   */
  async countInEditor(text) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+F');
    const input = this.page.locator('.find-widget textarea[aria-label="Find"]');
    await input.waitFor();
    await input.fill(text);
    const count = this.page.locator('.find-widget .matchesCount', { hasText: /of|No results/ });
    await count.waitFor();
    const result = (await count.innerText()).trim();
    await this.page.keyboard.press('Escape');
    await this.page.locator('.find-widget.visible').waitFor({ state: 'hidden' });
    return result;
  }

  /** Ctrl+G to a 1-based line and column, as a user jumps there; waits for the cursor to arrive. */
  async goTo(line, column = 1) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    // In the browser Ctrl+G may open Quick Open rather than Go to Line; ":" makes either go to a line.
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.waitForCursorLine(line);
  }

  /** The hover at the cursor (Ctrl+K Ctrl+I, "Show or Focus Hover"), once it shows `text`. */
  async hoverAtCursor(text) {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover .hover-contents', { hasText: text }).first();
    await hover.waitFor();
    return hover;
  }

  /** Types a snippet prefix and accepts it from the suggest widget. */
  async expandSnippet(prefix) {
    await this.page.keyboard.type(prefix);
    const row = this.page.locator('.suggest-widget .monaco-list-row', { hasText: prefix }).first();
    try {
      await row.waitFor({ timeout: 10_000 });
    } catch {
      // Quick suggestions can be off in Markdown: ask for them, as Ctrl+Space does.
      await this.page.keyboard.press('Control+Space');
      await row.waitFor();
    }
    await row.click();
    await this.page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  }

  /**
   * F1, a command by its title, Enter: as a user runs a command from the palette. The palette
   * lists the commands registered when it opened; one contributed by an extension (or by its view
   * container, as "View: Show Postmortems") can still be missing just after a reload, while the
   * activity bar already shows the container's cached icon. Then the palette is closed and opened
   * again until the command is listed; Enter is only ever pressed once.
   */
  async runCommand(title) {
    const deadline = Date.now() + TIMEOUTS.ui;
    const input = this.page.locator('.quick-input-widget input');
    const row = this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first();
    for (;;) {
      await this.page.keyboard.press('F1');
      await input.waitFor();
      await input.fill(`>${title}`);
      const left = deadline - Date.now();
      try {
        await row.waitFor({ timeout: Math.max(1_000, Math.min(left, PALETTE_RETRY_MS)) });
        break;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        log(`the command palette does not list "${title}" yet: opening it again`);
        await this.page.keyboard.press('Escape');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      }
    }
    await this.page.keyboard.press('Enter');
  }

  /**
   * Answers the open quick input (an input box, or with `pick` a pick list) with `text`, then
   * Enter. For a pick list it first waits for the list itself: the input box answered just before
   * may still be on screen, and typing into it would leave the list unfiltered.
   */
  async answerQuickInput(text, pick) {
    if (pick) await this.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(text);
    if (pick) await this.pressEnterOn(pick);
    else await this.page.keyboard.press('Enter');
  }

  /** Enter once the filtered list has focused the row we mean, not a row the filter has yet to hide. */
  async pressEnterOn(rowText) {
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: rowText }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  // --- Outline --------------------------------------------------------------------------------

  /**
   * Expands the Explorer's Outline section and collapses the folder section above it, so the
   * outline gets the sidebar's height (its list only renders rows that are in view).
   */
  async showOutline() {
    const folders = this.page.locator('.explorer-viewlet .pane-header[aria-label^="Explorer Section"]');
    if (await folders.evaluate((el) => el.classList.contains('expanded'))) {
      await folders.click();
      await this.page.locator('.explorer-viewlet .pane-header[aria-label^="Explorer Section"]:not(.expanded)').waitFor();
    }
    const outline = this.page.locator('.explorer-viewlet .pane-header[aria-label="Outline Section"]');
    if (!(await outline.evaluate((el) => el.classList.contains('expanded')))) await outline.click();
    await this.page.locator('.outline-tree').waitFor();
  }

  /** An outline row whose symbol name matches (the name, not the grey detail text after it). */
  outlineRow(name) {
    const pattern = name instanceof RegExp ? name : new RegExp(`^${escape(name)}$`);
    return this.page.locator('.outline-tree .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: pattern }),
    });
  }

  /** The outline's rendered rows in order: tree depth and symbol name (group rows included). */
  async outlineSnapshot() {
    return this.page.locator('.outline-tree .monaco-list-row').evaluateAll((rows) => rows.map((row) => ({
      level: Number(row.getAttribute('aria-level')),
      name: (row.querySelector('.label-name') ?? row.querySelector('.outline-element-label'))?.textContent?.trim() ?? '',
      group: !row.querySelector('.label-name'),
    })));
  }

  // --- The Postmortems container (Incidents, Action Items) -----------------------------------

  /** Clicks the activity bar's Postmortems icon; resolves once the Incidents view's header shows. */
  async showPostmortems() {
    await this.page.locator('.part.activitybar .action-item a[aria-label^="Postmortems"]').click();
    await this.viewPane('Incidents').locator('.pane-header').waitFor();
  }

  /**
   * Shows the Postmortems container whatever the sidebar shows now (after a reload it may
   * already be open, and a click on its icon would close it): "View: Show Postmortems".
   */
  async focusPostmortems() {
    await this.page.locator('.part.activitybar .action-item a[aria-label^="Postmortems"]').waitFor({ timeout: TIMEOUTS.workbench });
    await this.runCommand('View: Show Postmortems');
    await this.viewPane('Incidents').locator('.pane-header').waitFor();
  }

  /**
   * Clicks a button of a view's title bar by its title, as VS Code labels it. The buttons show
   * only while the pointer is over the view (or it has focus): hover its header first.
   */
  async clickViewAction(view, title) {
    const header = this.viewPane(view).locator('.pane-header');
    await header.hover();
    await header.locator(`.actions .action-label[aria-label="${title}"]`).click();
  }

  /** The welcome content a view shows when it is empty (package.json viewsWelcome). */
  viewWelcome(view) {
    return this.viewPane(view).locator('.welcome-view-content');
  }

  /** The message a view shows above its tree (TreeView.message). */
  viewMessage(view) {
    return this.viewPane(view).locator('.message');
  }

  /**
   * Waits until a view shows exactly these groups, in order, each with these members in order
   * (`[[group label, [text in each member's label]]]`); fails with what the view shows instead.
   */
  async waitForViewGroups(view, expected, timeout = TIMEOUTS.ui) {
    try {
      await this.page.waitForFunction(({ view: name, expected: groups }) => {
        const header = [...document.querySelectorAll('.part.sidebar .pane-header')].find((el) => el.getAttribute('aria-label')?.startsWith(name));
        const shown = [];
        for (const row of header?.closest('.pane')?.querySelectorAll('.monaco-list-row') ?? []) {
          const label = row.querySelector('.label-name')?.textContent?.trim() ?? '';
          if (row.getAttribute('aria-level') === '1') shown.push([label, []]);
          else shown.at(-1)?.[1].push(label);
        }
        return shown.length === groups.length && shown.every(([label, members], i) => label === groups[i][0]
          && members.length === groups[i][1].length && members.every((member, j) => member.includes(groups[i][1][j])));
      }, { view, expected }, { timeout });
    } catch (error) {
      throw new Error(`${view} shows ${JSON.stringify(await this.viewSnapshot(view))}, expected ${JSON.stringify(expected)}\n${error.message}`);
    }
  }

  /**
   * From now on, notes each state a view passes through, as its DOM changes: "welcome" (the
   * welcome content shows), "message" (the message above the tree shows), "rows" or "empty".
   * `viewStates` reads the list (`{ state, text, ms }`: the welcome's or the message's text, ms
   * since the call); a state that lasted a single frame is noted too.
   */
  async recordViewStates(view) {
    await this.page.evaluate((name) => {
      const states = [];
      const since = performance.now();
      window.__viewStates = { ...window.__viewStates, [name]: states };
      const visible = (el) => Boolean(el?.checkVisibility());
      const note = () => {
        const header = [...document.querySelectorAll('.part.sidebar .pane-header')].find((el) => el.getAttribute('aria-label')?.startsWith(name));
        const pane = header?.closest('.pane');
        if (!pane) return;
        const welcome = pane.querySelector('.welcome-view-content');
        const message = pane.querySelector('.message');
        const [state, text] = visible(welcome) ? ['welcome', welcome.textContent]
          : visible(message) && message.textContent.trim() ? ['message', message.textContent]
            : [pane.querySelector('.monaco-list-row') ? 'rows' : 'empty', ''];
        const last = states.at(-1);
        if (last?.state !== state || last.text !== text.trim()) states.push({ state, text: text.trim(), ms: Math.round(performance.now() - since) });
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'style'] });
      note();
    }, view);
  }

  /** Waits until the recorder has noted `state` with `text` for a view (it may have passed already). */
  async waitForViewState(view, state, text, timeout = TIMEOUTS.ui) {
    await this.page.waitForFunction(([name, wanted, wantedText]) => window.__viewStates?.[name]?.some((noted) => noted.state === wanted && noted.text === wantedText), [view, state, text], { timeout });
  }

  async viewStates(view) {
    return this.page.evaluate((name) => window.__viewStates?.[name] ?? [], view);
  }

  /** "Developer: Reload Window"; resolves once the reloaded workbench shows. */
  async reloadWindow() {
    const loaded = this.page.waitForEvent('load', { timeout: TIMEOUTS.workbench });
    await this.runCommand('Developer: Reload Window');
    await loaded;
    await this.page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUTS.workbench });
  }

  /** Drags the sidebar's edge `pixels` to the right, as a user makes room for long rows. */
  async widenSidebar(pixels) {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    const x = box.x + box.width;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + pixels, y, { steps: 5 });
    await this.page.mouse.up();
    await this.page.waitForFunction((wanted) => (document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) >= wanted, box.width + pixels / 2);
  }

  /** A view's pane in the sidebar, by the view's name. */
  viewPane(name) {
    return this.page.locator('.part.sidebar .pane', { has: this.page.locator(`.pane-header[aria-label^="${name}"]`) });
  }

  /** A row of a view's tree whose text (label and description) matches. */
  viewRow(view, text) {
    return this.viewPane(view).locator('.monaco-list-row', { hasText: text });
  }

  /** The rows a view shows, in order: tree depth, label and description. */
  async viewSnapshot(view) {
    return this.viewPane(view).locator('.monaco-list-row').evaluateAll((rows) => rows.map((row) => ({
      level: Number(row.getAttribute('aria-level')),
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
    })));
  }

  /** Ctrl+H, replace every `find` with `replacement` in the active editor, close the widget. */
  async replaceAll(find, replacement) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+H');
    await this.page.locator('.find-widget textarea[aria-label="Find"]').fill(find);
    await this.page.locator('.find-widget textarea[aria-label="Replace"]').fill(replacement);
    await this.page.locator('.find-widget .matchesCount', { hasText: /of/ }).waitFor();
    await this.page.keyboard.press('Control+Alt+Enter');
    await this.page.locator('.find-widget .matchesCount', { hasText: /No results/ }).waitFor();
    await this.page.keyboard.press('Escape');
    await this.page.locator('.find-widget.visible').waitFor({ state: 'hidden' });
  }
}
