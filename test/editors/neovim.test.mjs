// Headless Neovim (Debian's neovim, 0.7) drives the bundled server with its built-in LSP client.
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkResults, preparePlan } from './scenario.mjs';
import { editorMissing } from './install.mjs';

test('Neovim', { skip: editorMissing('nvim') }, async (t) => {
  const prepared = preparePlan('neovim');
  const planFile = join(prepared.workspace, 'plan.json');
  writeFileSync(planFile, JSON.stringify(prepared.plan));
  const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(import.meta.dirname, 'neovim.lua')}`], {
    env: { ...process.env, PM_PLAN: planFile }, encoding: 'utf8', timeout: 180_000, cwd: prepared.workspace,
  });
  const results = JSON.parse(readFileSync(prepared.plan.results, 'utf8'));
  if (results.error || run.status !== 0) throw new Error(`nvim exited ${run.status}: ${results.error ?? run.stderr}`);
  await Promise.all(checkResults(t, prepared, results));
});
