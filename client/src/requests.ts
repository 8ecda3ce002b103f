// The client's side of the custom requests: a method goes out only with its own params type, and its
// answer comes back typed by the same map the server answers through (server/src/protocol.ts).
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CustomRequestMethod, RequestParams, RequestResult } from '../../server/src/protocol';

export function sendCustomRequest<M extends CustomRequestMethod>(client: LanguageClient, method: M, params: RequestParams<M>): Promise<RequestResult<M>> {
  return client.sendRequest<RequestResult<M>>(method, params);
}
