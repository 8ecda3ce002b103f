import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameChecker, type FrameProblem } from '../../server/src/lsp/stdioFrames';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

function run(chunks: string[]): { passed: string; problems: FrameProblem[] } {
  const problems: FrameProblem[] = [];
  const checker = new FrameChecker((problem) => problems.push(problem));
  let passed = '';
  checker.on('data', (data: Buffer) => (passed += data.toString('utf8')));
  for (const chunk of chunks) checker.write(Buffer.from(chunk, 'utf8'));
  return { passed, problems };
}

test('valid frames pass whole, even split across chunks and with multi-byte text', () => {
  const a = frame('{"jsonrpc":"2.0","id":1,"method":"x","params":{"t":"é🚨"}}');
  const b = frame('{"jsonrpc":"2.0","method":"y"}');
  const all = a + b;
  const { passed, problems } = run([all.slice(0, 7), all.slice(7, 30), all.slice(30)]);
  assert.equal(passed, all);
  assert.deepEqual(problems, []);
});

test('a body that is not JSON is dropped and reported; the next frame passes', () => {
  const good = frame('{"jsonrpc":"2.0","id":2,"method":"z"}');
  const { passed, problems } = run([frame('{not json') + good]);
  assert.equal(passed, good);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].kind, 'json');
});

test('a broken header is skipped up to the next one; a huge Content-Length is not waited for', () => {
  const good = frame('{"jsonrpc":"2.0","id":3,"method":"z"}');
  const { passed, problems } = run(['Content-Type: text/plain\r\n\r\ngarbage ' + good, 'Content-Length: 99999999999\r\n\r\n{}' + good]);
  assert.equal(passed, good + good);
  assert.deepEqual(problems.map((p) => p.kind), ['header', 'header']);
});
