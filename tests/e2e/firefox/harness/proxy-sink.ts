import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxySink {
  /** The loopback port Firefox is told to use as its HTTP and HTTPS proxy. */
  port: number;
  /** `GET http://host/path` for plain HTTP, `CONNECT host:443` for TLS and secure WebSockets. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/**
 * A proxy on 127.0.0.1 that forwards nothing: it records what the browser tried to reach and
 * refuses it. With Firefox pointed at it, every request to a host other than the loopback test
 * server ends here instead of leaving the machine, whichever part of the browser made it.
 */
export async function startProxySink(): Promise<ProxySink> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method ?? 'GET'} ${request.url ?? ''}`);
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    response.end('Blocked by the test proxy: tests stay on loopback.');
  });
  server.on('connect', (request, socket) => {
    requests.push(`CONNECT ${request.url ?? ''}`);
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
