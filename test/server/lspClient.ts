// A minimal LSP client for tests: spawns the bundled server over stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers';

/** Waits up to `ms` for a child process to exit after a shutdown, then kills it. */
export function exitOrKill(child: ChildProcessWithoutNullStreams, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{ code: string; message: string; range: { start: { line: number; character: number } }; data?: unknown; severity?: number; source?: string }>;
}

export class TestServer {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  readonly logs: string[] = [];
  private readonly waiters: Array<{ uri: string; resolve: (value: PublishedDiagnostics) => void; test: (p: PublishedDiagnostics) => boolean }> = [];
  readonly published = new Map<string, PublishedDiagnostics>();
  settings: Record<string, unknown> = {};
  private version = 0;

  /** `args`: node's arguments that start the server (the bundle over stdio by default); `env`: its environment's additions. */
  constructor(readonly workspace: string, args = [join(ROOT, 'dist', 'server.js'), '--stdio'], env: Record<string, string> = {}) {
    this.process = spawn(process.execPath, args, { stdio: 'pipe', env: { ...process.env, ...env } });
    this.process.stderr.on('data', (chunk) => this.logs.push(String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  /** `overrides` stand in for parts of the initialize params, to play clients other than VS Code. */
  async initialize(overrides: { capabilities?: unknown; initializationOptions?: unknown } = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(this.workspace).href, name: 'workspace' }],
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
      ...overrides,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  uriOf(relativePath: string): string {
    return pathToFileURL(join(this.workspace, relativePath)).href;
  }

  /** The next diagnostics published for `uri` (that pass `test`). */
  nextDiagnostics(uri: string, test: (p: PublishedDiagnostics) => boolean = () => true): Promise<PublishedDiagnostics> {
    return new Promise((resolve) => this.waiters.push({ uri, resolve, test }));
  }

  async open(relativePath: string, text: string): Promise<{ uri: string; diagnostics: PublishedDiagnostics }> {
    const uri = this.uriOf(relativePath);
    const version = ++this.version;
    const published = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return { uri, diagnostics: await published };
  }

  async change(uri: string, text: string): Promise<PublishedDiagnostics> {
    const version = ++this.version;
    const published = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return published;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.connection.dispose();
    await exitOrKill(this.process, 2000);
  }
}
