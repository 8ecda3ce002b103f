// Headless Neovim (Debian's neovim, 0.7) drives the bundled server with its built-in LSP client (neovim.lua).
import { test } from 'node:test';
import { join } from 'node:path';
import { driveEditor } from './scenario.mjs';
import { editorMissing } from './install.mjs';

test('Neovim', { skip: editorMissing('nvim') }, (t) =>
  driveEditor(t, 'neovim', 'nvim', ['--headless', '--clean', '-c', `luafile ${join(import.meta.dirname, 'neovim.lua')}`]));
