// A raw stdio connection to dist/server.js for abuse tests: writes any bytes (broken frames included),
// reads the server's frames itself, and waits on messages, not on sleeps.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers';
import { exitOrKill } from '../server/lspClient';

export interface Message {
  jsonrpc?: string;
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class RawServer {
  readonly process: ChildProcessWithoutNullStreams;
  readonly messages: Message[] = [];
  readonly stderr: string[] = [];
  exitCode: number | null = null;
  exited = false;
  private buffer = Buffer.alloc(0);
  private waiters: Array<{ test: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
  private nextId = 1000;
  private version = 0;
  /** What workspace/configuration answers. */
  settings: unknown = {};

  constructor(readonly workspace: string) {
    this.process = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
    this.process.stdout.on('data', (chunk: Buffer) => this.read(chunk));
    this.process.stderr.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.process.on('exit', (code) => {
      this.exited = true;
      this.exitCode = code;
    });
    this.process.stdin.on('error', () => undefined);
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body) as Message;
      this.messages.push(message);
      this.answerServerRequest(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    }
  }

  /** Requests from the server (configuration, show message) get an answer, as a client gives. */
  private answerServerRequest(message: Message): void {
    if (message.method === undefined || message.id === undefined) return;
    const result = message.method === 'workspace/configuration'
      ? ((message.params as { items: unknown[] }).items ?? []).map(() => this.settings)
      : null;
    this.send({ jsonrpc: '2.0', id: message.id, result });
  }

  /** Raw bytes, exactly as given. */
  writeRaw(data: string | Buffer): void {
    this.process.stdin.write(data);
  }

  /** One well-formed frame around `body` (any text, JSON or not). */
  writeFrame(body: string): void {
    this.writeRaw(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
  }

  send(message: Message): void {
    this.writeFrame(JSON.stringify(message));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next message (already received or to come) that passes `test`. */
  waitFor(test: (m: Message) => boolean, what: string, timeoutMs = 20_000): Promise<Message> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; server ${this.exited ? `exited with ${this.exitCode}` : 'alive'}; stderr: ${this.stderr.join('').slice(-2000)}`)), timeoutMs);
      this.waiters.push({ test, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  request(method: string, params: unknown, id: number | string = this.nextId++): Promise<Message> {
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.response(id, method);
  }

  response(id: number | string, what = String(id)): Promise<Message> {
    return this.waitFor((m) => m.id === id && m.method === undefined, `the answer to ${what} (${id})`);
  }

  async initialize(): Promise<void> {
    const root = pathToFileURL(this.workspace).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'workspace' }],
      capabilities: { workspace: { configuration: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    });
    this.notify('initialized', {});
  }

  uriOf(relativePath: string): string {
    return pathToFileURL(join(this.workspace, relativePath)).href;
  }

  /** Diagnostics published for `uri` (at `version` when given), from now on or already received. */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Message> {
    return this.waitFor((m) => m.method === 'textDocument/publishDiagnostics'
      && (m.params as { uri: string }).uri === uri
      && (version === undefined || (m.params as { version?: number }).version === version), `diagnostics for ${uri} v${version}`, timeoutMs);
  }

  open(uri: string, text: string): number {
    const version = ++this.version;
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return version;
  }

  change(uri: string, contentChanges: unknown[]): number {
    const version = ++this.version;
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** A valid request answered with a result: the server is alive and serving. */
  async alive(uri: string): Promise<unknown> {
    const answer = await this.request('textDocument/documentSymbol', { textDocument: { uri } });
    if (answer.error) throw new Error(`documentSymbol failed: ${JSON.stringify(answer.error)}`);
    return answer.result;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await this.request('shutdown', null);
        this.notify('exit', null);
      } catch {
        // Gone already.
      }
    }
    if (!this.exited) await exitOrKill(this.process, 3000);
  }
}
