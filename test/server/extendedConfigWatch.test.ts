// The files a .postmortem.json extends, over stdio: the server registers watchers for them
// (workspace/didChangeWatchedFiles, dynamic registration, the resolved paths of a relative path and of a
// package's file), and an edit to one, reported by the client, re-checks the open documents. A client
// without dynamic registration is sent none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestServer } from './lspClient';

const DOC = '# Postmortem\n\n## Issue Summary\n\nFrom 10:00 UTC to 11:00 UTC users could not log in, due to a bad deploy.\n\n## Timeline\n\n- 10:30 UTC fixed\n- 10:00 UTC deploy\n';

interface Registration {
  id: string;
  method: string;
  registerOptions?: { watchers: Array<{ globPattern: string | { baseUri: string; pattern: string } }> };
}

/** A workspace whose .postmortem.json extends ./shared/base.json and the package team-postmortem-config. */
function workspaceWithExtends(): { workspace: string; base: string; packageFile: string } {
  const workspace = realpathSync(mkdtempSync(join(tmpdir(), 'pm-extends-watch-')));
  mkdirSync(join(workspace, 'shared'));
  const base = join(workspace, 'shared', 'base.json');
  writeFileSync(base, '{}');
  const packageFolder = join(workspace, 'node_modules', 'team-postmortem-config');
  mkdirSync(packageFolder, { recursive: true });
  writeFileSync(join(packageFolder, 'package.json'), JSON.stringify({ name: 'team-postmortem-config', version: '1.0.0', main: 'postmortem.json' }));
  const packageFile = join(packageFolder, 'postmortem.json');
  writeFileSync(packageFile, '{}');
  writeFileSync(join(workspace, '.postmortem.json'), JSON.stringify({ extends: ['./shared/base.json', 'team-postmortem-config'] }));
  return { workspace, base, packageFile };
}

/** Starts a server that records the watchers it registers; `watchers`: the client's didChangeWatchedFiles capability. */
async function start(workspace: string, watchers: Record<string, boolean> | undefined): Promise<{ server: TestServer; registrations: Registration[]; unregistered: string[] }> {
  const server = new TestServer(workspace);
  const registrations: Registration[] = [];
  const unregistered: string[] = [];
  server.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  server.connection.onRequest('client/unregisterCapability', (params: { unregisterations: Array<{ id: string }> }) => {
    unregistered.push(...params.unregisterations.map((u) => u.id));
    return null;
  });
  await server.initialize({
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, ...(watchers ? { didChangeWatchedFiles: watchers } : {}) },
      textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
    },
  });
  return { server, registrations, unregistered };
}

// The incident index registers its own watcher on Markdown files: these are the config's.
const isIndexWatcher = (r: Registration) => r.registerOptions?.watchers.some((watcher) => watcher.globPattern === '**/*.{md,markdown}') ?? false;
const watcherRegistrations = (registrations: Registration[]) => registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles' && !isIndexWatcher(r));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const codesOf = (published: { diagnostics: Array<{ code: string }> }) => published.diagnostics.map((d) => d.code);

test('the files .postmortem.json extends are watched, and an edit to one re-checks the open documents', async () => {
  const { workspace, base, packageFile } = workspaceWithExtends();
  const { server, registrations } = await start(workspace, { dynamicRegistration: true });
  try {
    await until(() => watcherRegistrations(registrations).length > 0, 'the watchers');
    const [registration] = watcherRegistrations(registrations);
    assert.deepEqual(registration.registerOptions?.watchers.map((watcher) => watcher.globPattern), [base, packageFile].sort());

    const { uri, diagnostics } = await server.open('incidents/login-postmortem.md', DOC);
    assert.ok(codesOf(diagnostics).includes('timeline-out-of-order'), codesOf(diagnostics).join());
    assert.ok(codesOf(diagnostics).includes('section-missing'), codesOf(diagnostics).join());

    // The shared file turns a rule off: the client reports the change, the open document is checked again.
    writeFileSync(base, JSON.stringify({ severity: { 'timeline-out-of-order': 'off' } }));
    let next = server.nextDiagnostics(uri, (p) => !codesOf(p).includes('timeline-out-of-order'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(base).href, type: 2 }] });
    assert.ok(codesOf(await next).includes('section-missing'));

    // So does the package's file.
    writeFileSync(packageFile, JSON.stringify({ severity: { 'section-missing': 'off' } }));
    next = server.nextDiagnostics(uri, (p) => !codesOf(p).includes('section-missing'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(packageFile).href, type: 2 }] });
    assert.ok(!codesOf(await next).includes('timeline-out-of-order'));
    assert.equal(watcherRegistrations(registrations).length, 1, 'the same files: no new registration');
  } finally {
    await server.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('when the config extends other files, the watchers follow; relative patterns where the client takes them', async () => {
  const { workspace, base, packageFile } = workspaceWithExtends();
  const { server, registrations, unregistered } = await start(workspace, { dynamicRegistration: true, relativePatternSupport: true });
  try {
    await until(() => watcherRegistrations(registrations).length > 0, 'the watchers');
    const [first] = watcherRegistrations(registrations);
    assert.deepEqual(first.registerOptions?.watchers.map((watcher) => watcher.globPattern),
      [base, packageFile].sort().map((file) => ({ baseUri: pathToFileURL(dirname(file)).href, pattern: basename(file) })));
    await server.open('incidents/login-postmortem.md', DOC);
    // The config now extends only the shared file: the old watchers go, the new ones come.
    writeFileSync(join(workspace, '.postmortem.json'), JSON.stringify({ extends: './shared/base.json' }));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(workspace, '.postmortem.json')).href, type: 2 }] });
    await until(() => watcherRegistrations(registrations).length > 1, 'the new watchers');
    const second = watcherRegistrations(registrations)[1];
    assert.deepEqual(second.registerOptions?.watchers.map((watcher) => watcher.globPattern), [{ baseUri: pathToFileURL(join(workspace, 'shared')).href, pattern: 'base.json' }]);
    await until(() => unregistered.includes(first.id), 'the old watchers to go');
  } finally {
    await server.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('a client without dynamic registration of file watchers is sent none', async () => {
  const { workspace } = workspaceWithExtends();
  const { server, registrations } = await start(workspace, undefined);
  try {
    const { diagnostics } = await server.open('incidents/login-postmortem.md', DOC);
    assert.ok(codesOf(diagnostics).includes('timeline-out-of-order'));
    assert.deepEqual(watcherRegistrations(registrations), []);
  } finally {
    await server.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  }
});
