// `postmortem-language-server`: the language server on stdio with no flag to remember, for editors
// other than VS Code. The server's bundle is loaded as it is (external), not bundled a second time.
if (!process.argv.includes('--stdio')) process.argv.push('--stdio');
require('./server.js');
