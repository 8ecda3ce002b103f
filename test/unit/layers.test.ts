// The layers of ARCHITECTURE.md, checked by dependency-cruiser with .dependency-cruiser.cjs: the tree
// has no forbidden import, and the configuration does catch one (in a scratch tree of its own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function cruise(cwd: string, paths: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [DEPCRUISE, ...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('no import crosses a layer the wrong way', () => {
  const { status, output } = cruise(ROOT, ['server/src', 'client/src', 'preview-src']);
  assert.equal(status, 0, output);
});

test('the layer rules catch a forbidden import', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'pm-layers-'));
  try {
    cpSync(join(ROOT, '.dependency-cruiser.cjs'), join(scratch, '.dependency-cruiser.cjs'));
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'preserve', moduleResolution: 'bundler' } }));
    for (const dir of ['server/src/core', 'server/src/lsp', 'client/src']) mkdirSync(join(scratch, dir), { recursive: true });
    writeFileSync(join(scratch, 'server/src/lsp/server.ts'), 'export const connection = 1;\n');
    writeFileSync(join(scratch, 'server/src/protocol.ts'), 'export const METHOD = "m";\n');
    writeFileSync(join(scratch, 'server/src/core/model.ts'), "import { connection } from '../lsp/server';\nimport { METHOD } from '../protocol';\nexport const model = connection + METHOD;\n");
    writeFileSync(join(scratch, 'client/src/extension.ts'), "import { model } from '../../server/src/core/model';\nexport const shown = model;\n");
    const { status, output } = cruise(scratch, ['server/src', 'client/src']);
    assert.notEqual(status, 0, output);
    for (const rule of ['core-is-pure', 'client-on-protocol']) assert.match(output, new RegExp(rule), `${rule} should fire:\n${output}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
