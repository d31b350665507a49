/**
 * A small HTTP fault proxy for the fault tests: it sits between the SDK and the REAL Plan API and, per scripted
 * rule, answers an error itself, resets the connection before forwarding, forwards and then drops the answer,
 * delays, or cuts an event stream after some events (mid-way through the next one). Everything else is
 * forwarded untouched.
 */
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: number }
  /** Close the connection without forwarding: the server never sees the request. */
  | { kind: 'reset' }
  /** Forward, let the server answer completely, then close the client's connection without a byte of it. */
  | { kind: 'dropResponse' }
  | { kind: 'delay'; ms: number }
  /** Forward an event stream, close it after `afterEvents` data events and part of the next one. */
  | { kind: 'cutStream'; afterEvents: number };

export interface Rule {
  method?: string;
  /** Matched against the path without the query string. */
  path: RegExp;
  fault: Fault;
  /** How many matching requests get the fault (default 1); later ones pass. */
  times?: number;
  /** Let this many matching requests pass before the fault applies (default 0). */
  skip?: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  fault: Fault['kind'] | 'none';
}

export async function startFaultProxy(target: string) {
  const upstream = new URL(target);
  const rules: Rule[] = [];
  const log: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const rule = rules.find((candidate) => (!candidate.method || candidate.method === request.method) && candidate.path.test(path) && (candidate.times ?? 1) > 0);
    let fault: Fault | undefined;
    if (rule) {
      if ((rule.skip ?? 0) > 0) rule.skip! -= 1;
      else {
        rule.times = (rule.times ?? 1) - 1;
        fault = rule.fault;
      }
    }
    log.push({ method: request.method!, path, headers: request.headers, fault: fault?.kind ?? 'none' });
    void handle(request, response, fault);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse, fault: Fault | undefined) {
    if (fault?.kind === 'status') {
      request.resume();
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': 'proxy-fault' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      response.writeHead(fault.status, headers);
      response.end(JSON.stringify({ code: fault.status === 503 ? 'service_unavailable' : fault.status === 429 ? 'rate_limited' : 'internal', message: '代理注入的故障', messageEn: 'Fault injected by the test proxy', requestId: 'proxy-fault' }));
      return;
    }
    if (fault?.kind === 'reset') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (request.socket.destroyed) return;

    const outgoing = forward(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } },
      (answer) => {
        if (fault?.kind === 'dropResponse') {
          // Consume the whole answer (the server has done its work), then hang up on the client.
          answer.resume();
          answer.on('end', () => request.socket.destroy());
          return;
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        if (fault?.kind !== 'cutStream') {
          answer.pipe(response);
          return;
        }
        let events = 0;
        let pending = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => {
          if (events >= fault.afterEvents) {
            // Part of the next event, never its end: the client must not count it.
            const boundary = chunk.indexOf('\n\n');
            const partial = chunk.slice(0, Math.max(1, Math.floor((boundary < 0 ? chunk.length : boundary) / 2)));
            response.write(partial);
            answer.destroy();
            request.socket.destroy();
            return;
          }
          pending += chunk;
          let end: number;
          let forwardUpTo = 0;
          while ((end = pending.indexOf('\n\n', forwardUpTo)) >= 0 && events < fault.afterEvents) {
            if (/^data:/m.test(pending.slice(forwardUpTo, end))) events += 1;
            forwardUpTo = end + 2;
          }
          if (events >= fault.afterEvents) {
            response.write(pending.slice(0, forwardUpTo));
            pending = pending.slice(forwardUpTo);
            if (pending) {
              response.write(pending.slice(0, Math.max(1, Math.floor(pending.length / 2))));
              answer.destroy();
              request.socket.destroy();
            }
          } else {
            response.write(pending.slice(0, forwardUpTo));
            pending = pending.slice(forwardUpTo);
          }
        });
        answer.on('end', () => response.end());
      },
    );
    outgoing.on('error', () => request.socket.destroy());
    request.pipe(outgoing);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    log,
    /** Adds rules; the first matching rule with uses left applies. */
    add(...added: Rule[]) {
      rules.push(...added);
    },
    reset() {
      rules.length = 0;
      log.length = 0;
    },
    /** Requests seen for a method and path. */
    seen(method: string, path: RegExp) {
      return log.filter((entry) => entry.method === method && path.test(entry.path));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
