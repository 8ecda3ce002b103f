// Runs inside VS Code's extension test host: the e2e scenarios through the extension API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

function diagnosticsFor(uri: vscode.Uri, test: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
  if (test(current)) return Promise.resolve(current);
  return new Promise((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const now = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
      if (test(now)) {
        listener.dispose();
        resolve(now);
      }
    });
  });
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace is open');
  const results: Array<[string, Error | null]> = [];
  const scenario = async (name: string, body: () => Promise<void>) => {
    try {
      await body();
      results.push([name, null]);
    } catch (error) {
      results.push([name, error as Error]);
    }
  };
  const uri = vscode.Uri.joinPath(folder.uri, 'incident-postmortem.md');

  await scenario('problems show our codes', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await diagnosticsFor(uri, (d) => d.some((x) => codeOf(x) === 'section-missing'));
    const codes = diagnostics.map(codeOf);
    assert.ok(codes.includes('section-missing') && codes.includes('timeline-out-of-order'), codes.join());
  });
  await scenario('the quick fix inserts the missing section', async () => {
    const [missing] = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'section-missing');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Insert section'));
    assert.ok(fix?.edit);
    await vscode.workspace.applyEdit(fix.edit);
    await diagnosticsFor(uri, (d) => !d.some((x) => codeOf(x) === 'section-missing'));
  });
  await scenario('the outline lists sections and timeline entries', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const timeline = symbols.find((s) => s.name.startsWith('Timeline'));
    assert.ok(timeline && timeline.children.length >= 3);
  });
  await scenario('a plain README gets nothing from us', async () => {
    const readme = vscode.Uri.joinPath(folder.uri, 'README.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(readme));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', readme);
    assert.ok(!(symbols ?? []).some((s) => s.name === 'Timeline' && s.children.length));
    assert.deepEqual(vscode.languages.getDiagnostics(readme).filter((d) => d.source === 'postmortem'), []);
  });
  const failed = results.filter(([, error]) => error);
  for (const [name, error] of results) console.log(`${error ? 'not ok' : 'ok'} - ${name}${error ? `: ${error.message}` : ''}`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length) throw new Error(`${failed.length} scenario(s) failed`);
}
