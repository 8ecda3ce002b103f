// The server's side of the custom requests: a handler takes the params its method's entry in the
// protocol's map names and must answer with its result type.
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { CustomRequestMethod, RequestParams, RequestResult } from '../protocol';

export function onCustomRequest<M extends CustomRequestMethod>(
  connection: Connection,
  method: M,
  handler: (params: RequestParams<M>, token: CancellationToken) => Promise<RequestResult<M>>,
): void {
  connection.onRequest(method, handler);
}
