// Emacs (Debian's emacs-nox 28, eglot 1.9 from elpa-eglot) in batch mode drives the bundled server
// (eglot.el); -q, not -Q: Debian's site start puts eglot on the load path.
import { test } from 'node:test';
import { join } from 'node:path';
import { driveEditor } from './scenario.mjs';
import { editorMissing } from './install.mjs';

test('Emacs eglot', { skip: editorMissing('emacs') }, (t) =>
  driveEditor(t, 'eglot', 'emacs', ['--batch', '-q', '-l', join(import.meta.dirname, 'eglot.el')]));
