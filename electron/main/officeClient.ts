/**
 * Client mode in the shell: the window loads the office host's pages over https (no local
 * backend, no preload: the pages talk to the host as in a browser), and the session accepts that
 * host's certificate only when its fingerprint is the pinned one; every other certificate is
 * refused. The setting itself (office-host.json) is read in electron/backend/network/clientFile.ts.
 */
import { normalizeFingerprint, type OfficeClient } from '../backend/network/clientFile';

export {
  CLIENT_FILE,
  ClientConfigError,
  normalizeFingerprint,
  readOfficeClient,
  type OfficeClient,
} from '../backend/network/clientFile';

/** Electron's certificate verify request, the parts used here. */
export interface VerifyRequest {
  hostname: string;
  certificate: { fingerprint: string };
}

/** Chromium's verify results: 0 accept, -2 refuse. */
export const ACCEPT = 0;
export const REFUSE = -2;

/**
 * For `session.setCertificateVerifyProc`: the office host's certificate is accepted when (and
 * only when) its fingerprint is the pinned one, self-signed or not; anything else is refused.
 */
export function pinnedCertificateCheck(
  client: OfficeClient,
  onMismatch: (hostname: string) => void,
): (request: VerifyRequest, callback: (result: number) => void) => void {
  return (request, callback) => {
    const pinned =
      request.hostname.toLowerCase() === client.hostname.toLowerCase() &&
      normalizeFingerprint(request.certificate.fingerprint) === client.fingerprint;
    if (!pinned) onMismatch(request.hostname);
    callback(pinned ? ACCEPT : REFUSE);
  };
}
