// Over stdio, the server reads its own frames before the JSON-RPC library does: vscode-jsonrpc drops
// a body that is not JSON without an answer (JSON-RPC wants error -32700) and, after a broken header,
// can fall a chunk behind. Only complete frames with a JSON body go on; the rest is reported.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const HEADER_START = Buffer.from('Content-Length:', 'ascii');
/** A header block this long without its blank line is garbage, not a header still arriving. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Larger than any document an editor sends; a bigger Content-Length is a broken frame. */
const MAX_BODY_BYTES = 512 * 1024 * 1024;

export type FrameProblem = { kind: 'header'; detail: string } | { kind: 'json'; detail: string };

export class FrameChecker extends Transform {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly onProblem: (problem: FrameProblem) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skipToNextHeader('a header block without its end');
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /(?:^|\r\n)Content-Length:[ \t]*(\d{1,10})[ \t]*(?:\r\n|$)/i.exec(header);
      const length = match ? Number(match[1]) : NaN;
      if (!match || length > MAX_BODY_BYTES) {
        this.skipToNextHeader(match ? `a Content-Length of ${length} bytes` : 'a frame without a valid Content-Length');
        continue;
      }
      const end = headerEnd + HEADER_END.length + length;
      if (this.buffer.length < end) return;
      const body = this.buffer.subarray(headerEnd + HEADER_END.length, end);
      try {
        JSON.parse(body.toString('utf8'));
        this.push(Buffer.from(this.buffer.subarray(0, end)));
      } catch (error) {
        this.onProblem({ kind: 'json', detail: error instanceof Error ? error.message : String(error) });
      }
      this.buffer = this.buffer.subarray(end);
    }
  }

  /** Drops a broken header and everything up to the next one. */
  private skipToNextHeader(detail: string): void {
    const next = this.buffer.indexOf(HEADER_START, 1);
    this.buffer = next < 0 ? Buffer.alloc(0) : this.buffer.subarray(next);
    this.onProblem({ kind: 'header', detail });
  }
}
