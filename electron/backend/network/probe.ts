/**
 * Reads the certificate an office host presents, trusting nothing: the admin compares its
 * fingerprint with the one the host's screen shows before this PC pins it.
 */
import { isIP } from 'node:net';
import { connect } from 'node:tls';
import type { ProbeResult } from '../../../shared/contract/network';
import { fieldError } from '../errors';

const TIMEOUT_MS = 5000;

/** Hex pairs, upper case, as Node and browsers print a certificate's SHA-256. */
export function probeOfficeHost(address: string, timeoutMs = TIMEOUT_MS): Promise<ProbeResult> {
  const url = new URL(address);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port || 443);
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      // A self-signed certificate is expected: it is judged by its fingerprint, not by a CA.
      rejectUnauthorized: false,
      ...(isIP(host) ? {} : { servername: host }),
      timeout: timeoutMs,
    });
    const fail = (key: 'network.unreachable' | 'network.not_tls', detail: string) => {
      socket.destroy();
      reject(fieldError(['url'], key, { host: url.host, detail }));
    };
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.end();
      if (!cert?.fingerprint256) {
        fail('network.not_tls', 'no certificate');
        return;
      }
      resolve({
        url: url.href,
        fingerprint256: cert.fingerprint256.toUpperCase(),
        subject: typeof cert.subject?.CN === 'string' ? cert.subject.CN : '',
        validTo: new Date(cert.valid_to).toISOString(),
      });
    });
    socket.once('timeout', () => fail('network.unreachable', 'timeout'));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      // A plain-http answer or another protocol breaks the handshake (EPROTO, wrong version).
      const tls = e.code === 'EPROTO' || /SSL|TLS|version/i.test(e.message);
      fail(tls ? 'network.not_tls' : 'network.unreachable', e.code ?? e.message);
    });
  });
}
