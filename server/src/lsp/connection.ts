// The server's connection. Over stdio a frame checker stands in front of the reader (see
// stdioFrames.ts); editors that start the server over IPC (VS Code) use createConnection's own transport.
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { FrameChecker, type FrameProblem } from './stdioFrames';

export function openConnection(): Connection {
  let reportFrame: (problem: FrameProblem) => void = () => undefined;
  const stdioWriter = process.argv.includes('--stdio') ? new StreamMessageWriter(process.stdout) : null;
  const connection = stdioWriter
    ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin.pipe(new FrameChecker((problem) => reportFrame(problem)))), stdioWriter)
    : createConnection(ProposedFeatures.all);
  reportFrame = (problem) => {
    connection.console.error(`postmortem: dropped ${problem.kind === 'json' ? 'a message whose body is not JSON' : 'a malformed frame'} (${problem.detail})`);
    // JSON-RPC answers a body it cannot parse with a parse error, id null.
    if (problem.kind === 'json') void stdioWriter?.write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: `Parse error: ${problem.detail}` } } as unknown as Parameters<StreamMessageWriter['write']>[0]);
  };
  // Given our own reader, the library no longer ends the process when input ends (it only watches the
  // client's processId): without this, a server whose editor closed the pipe would linger.
  if (stdioWriter) process.stdin.once('end', () => process.exit(0));
  return connection;
}
