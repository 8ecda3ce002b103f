// The layers, checked by `npm test` (test/unit/layers.test.ts runs depcruise with this file). Each
// folder may import only the layers below it; ARCHITECTURE.md explains why each line is here.
const SERVER = '^server/src/';
const layer = (name) => `${SERVER}${name}/`;
const PROTOCOL = `${SERVER}protocol\\.ts$`;
const SHARED = layer('shared');

/** A rule: files under `from` must not import anything matching `to` (type-only imports too, unless said). */
const forbid = (name, comment, from, to, extra = {}) => ({ name, comment, severity: 'error', from: { path: from }, to: { path: to, ...extra } });

module.exports = {
  forbidden: [
    forbid('core-is-pure', 'core/ knows no rules, features, service, LSP, CLI or protocol', layer('core'),
      [layer('(rules|features|service|lsp|cli)'), PROTOCOL, '^client/', '^preview-src/']),
    forbid('core-knows-no-lsp', 'core/ imports no LSP or VS Code package', layer('core'),
      ['^node_modules/vscode-languageserver', '^node_modules/vscode-languageclient', '^vscode$']),
    forbid('rules-on-core', 'rules/ build on core/ (and the protocol\'s wire types), never on what uses them', layer('rules'),
      [layer('(features|service|lsp|cli)'), '^client/', '^preview-src/']),
    forbid('features-on-rules-and-core', 'features/ are pure functions of the model: no service, shell or CLI', layer('features'),
      [layer('(service|lsp|cli)'), '^client/', '^preview-src/']),
    forbid('service-below-shells', 'the document service knows no connection and no CLI', layer('service'),
      [layer('(lsp|cli)'), '^client/', '^preview-src/', '^node_modules/vscode-languageserver/']),
    forbid('lsp-on-service', 'the LSP shell asks the document service; it never reaches past it', layer('lsp'),
      [layer('(core|rules|features|cli)'), '^client/', '^preview-src/']),
    forbid('cli-on-service', 'the CLI lints through the service (types of the core are fine)', layer('cli'),
      [layer('(rules|features|lsp)'), '^client/', '^preview-src/', '^node_modules/vscode-languageserver'],),
    forbid('cli-core-types-only', 'the CLI uses the core\'s types only', layer('cli'), layer('core'),
      { dependencyTypesNot: ['type-only'] }),
    forbid('protocol-is-wire-types', 'the protocol imports only the rules\' data types', PROTOCOL,
      `${SERVER}(?!rules/)`, {}),
    forbid('protocol-types-only', 'the protocol imports only types', PROTOCOL, `${SERVER}rules/`,
      { dependencyTypesNot: ['type-only'] }),
    forbid('shared-is-a-leaf', 'shared/ imports nothing of the project: both sides of the wire use it', SHARED,
      ['^server/', '^client/', '^preview-src/']),
    forbid('client-on-protocol', 'the extension talks to the server through the protocol only', '^client/',
      [`${SERVER}(?!protocol\\.ts$|shared/)`, '^preview-src/']),
    forbid('page-on-messages', 'the webview pages read only their typed messages and the protocol', '^preview-src/',
      [`^client/src/(?!(preview|dashboard)/messages\\.ts$)`, `${SERVER}(?!protocol\\.ts$|shared/)`, '^vscode$', '^node_modules/vscode']),
    {
      name: 'no-circular',
      comment: 'no import cycles (type-only edges excepted: they vanish from the bundles)',
      severity: 'error',
      from: { path: '^(server|client|preview-src)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(test|bench|dist)/' },
  },
};
