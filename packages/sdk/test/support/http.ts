/**
 * A throwaway local HTTP server for unit tests of the pipeline (statuses, headers, retries, auth flows).
 * It is NOT a stand-in for the Plan API: integration and fault tests run against the real server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
export type Respond = (request: Recorded, response: ServerResponse, index: number) => unknown;

export async function localServer(respond: Respond) {
  const requests: Recorded[] = [];
  let open = 0;
  const server = createServer(async (request, response) => {
    open += 1;
    response.on('close', () => (open -= 1));
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const recorded = { method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString() };
    requests.push(recorded);
    await respond(recorded, response, requests.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** Requests whose response has not closed yet (e.g. event streams still connected). */
    openConnections: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export const apiError = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  message: `中文:${code}`,
  messageEn: `en:${code}`,
  requestId: 'req-from-body',
  ...extra,
});
