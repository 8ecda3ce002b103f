// The editors this tier drives, from Debian: installed where missing (as root, as CI runs), as the
// e2e tier installs Chromium. Run as a script before the tests; the tests skip, saying why, where an
// editor is still missing.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const PACKAGES = { nvim: ['neovim'], emacs: ['emacs-nox', 'elpa-eglot'] };
const has = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
/** Emacs with an eglot it can load (Debian's emacs-nox alone has none before Emacs 29). */
const present = {
  nvim: () => has('nvim', ['--version']),
  emacs: () => has('emacs', ['--batch', '--eval', "(require 'eglot)"]),
};

/** Why `editor` cannot be driven here, or false when it can. */
export function editorMissing(editor) {
  return present[editor]() ? false : `${editor} not installed (apt-get install ${PACKAGES[editor].join(' ')}; npm run test:editors does it as root)`;
}

/** apt-get, waiting for a lock another install holds rather than failing on it. */
function aptGet(args) {
  const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

function install() {
  const missing = Object.keys(PACKAGES).filter((editor) => !present[editor]());
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    console.log(`editors: ${missing.join(', ')} missing and not root: their tests will skip`);
    return;
  }
  console.log(`== installing ${missing.map((editor) => PACKAGES[editor].join(' ')).join(' ')} for the editor tests`);
  if (!aptGet(['update']) || !aptGet(['install', '-y', '--no-install-recommends', ...missing.flatMap((editor) => PACKAGES[editor])])) {
    console.log('editors: apt-get failed: the tests of the missing editors will skip');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) install();
