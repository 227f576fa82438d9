/**
 * The office host's socket: one port that speaks TLS only. The first byte of each connection
 * tells a TLS handshake (0x16) from anything else; a plain-http request gets a 400 that says to
 * use https (no page, no data, no cookie) and the connection is closed, so plain http on the LAN
 * is never offered. Before the certificate and the backend are ready, connections are dropped.
 */
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer, type Server, type Socket } from 'node:net';
import { translate } from '../../../shared/i18n';

const TLS_HANDSHAKE = 0x16;

export interface OfficeListener {
  server: Server;
  /** Starts answering: TLS with this certificate, requests to `handler`. */
  serve(tls: { key: string; cert: string }, handler: RequestListener): void;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

/** The answer to plain http on the office port, in both languages. */
export function httpsOnlyText(): string {
  return `${translate('id', 'desktop.https_only')}\n${translate('en', 'desktop.https_only')}\n`;
}

export function createOfficeListener(): OfficeListener {
  const sockets = new Set<Socket>();
  let route: ((socket: Socket, firstByte: number | undefined) => void) | null = null;

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (!route) {
      socket.destroy();
      return;
    }
    const handOver = route;
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      handOver(socket, first[0]);
      process.nextTick(() => socket.resume());
    });
  });

  return {
    server,
    serve(tls, handler) {
      const secure = createHttpsServer(
        { key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' },
        handler,
      );
      const plain = createHttpServer((_req, res) => {
        res.writeHead(400, {
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'close',
        });
        res.end(httpsOnlyText());
      });
      route = (socket, firstByte) => {
        (firstByte === TLS_HANDSHAKE ? secure : plain).emit('connection', socket);
      };
    },
    close() {
      return new Promise<void>((ok) => {
        server.close(() => ok());
        for (const s of sockets) s.destroy();
      });
    },
  };
}
