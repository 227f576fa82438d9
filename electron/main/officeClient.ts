/**
 * Client mode in the shell: the window loads the office host's pages over https (no local
 * backend, no preload: the pages talk to the host as in a browser), and the session accepts that
 * host's certificate only when its fingerprint is the pinned one; every other certificate is
 * refused. The setting itself (office-host.json) is read in electron/backend/network/clientFile.ts.
 */
import {
  normalizeFingerprint,
  writeOfficeClient,
  type OfficeClient,
} from '../backend/network/clientFile';
import { bilingual, bilingualButton } from './windowWatch';

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
  onMismatch: (hostname: string, presented: string | null) => void,
): (request: VerifyRequest, callback: (result: number) => void) => void {
  return (request, callback) => {
    const presented = normalizeFingerprint(request.certificate.fingerprint);
    const pinned =
      request.hostname.toLowerCase() === client.hostname.toLowerCase() &&
      presented === client.fingerprint;
    if (!pinned) onMismatch(request.hostname, presented);
    callback(pinned ? ACCEPT : REFUSE);
  };
}

export interface MismatchDeps {
  dataDir: string;
  /** A message box; resolves with the index of the button chosen. */
  ask(message: string, buttons: string[]): Promise<number>;
  log(line: string): void;
  /** Starts the app again (a refused certificate stays refused in this session). */
  relaunch(): void;
  /** Saves the new pin (office-host.json); the default writes it in the data folder. */
  savePin?: (url: string, fingerprint: string) => void;
}

/**
 * What the user sees when the office host presents another certificate (after the admin added
 * a name, or an impostor): both fingerprints, to compare the new one with the office host's
 * screen (Admin › Office network). Only the user's explicit choice pins the new one, and then
 * the app starts again; closing leaves the old pin. Asked once per start; another host name
 * is only refused.
 */
export function askOnMismatch(
  client: OfficeClient,
  deps: MismatchDeps,
): (hostname: string, presented: string | null) => void {
  let asked = false;
  return (hostname, presented) => {
    deps.log(
      `refused the certificate of ${hostname} (${presented ?? 'unreadable'}): not the pinned ${client.fingerprint}`,
    );
    if (asked) return;
    asked = true;
    const ownHost = hostname.toLowerCase() === client.hostname.toLowerCase() && presented;
    if (!ownHost) {
      deps
        .ask(bilingual('desktop.office_certificate', { host: hostname }), [
          bilingualButton('desktop.ok'),
        ])
        .catch(() => undefined);
      return;
    }
    deps
      .ask(
        bilingual('desktop.office_certificate_changed', {
          host: hostname,
          presented,
          pinned: client.fingerprint,
        }),
        [bilingualButton('desktop.close'), bilingualButton('desktop.trust_new_certificate')],
      )
      .then((chosen) => {
        if (chosen !== 1) return;
        const save = deps.savePin ?? ((url, fp) => writeOfficeClient(deps.dataDir, url, fp));
        save(client.url, presented);
        deps.log(`the user pinned the new certificate of ${hostname}: ${presented}`);
        deps.relaunch();
      })
      .catch((e: unknown) => deps.log(`pinning the new certificate failed: ${String(e)}`));
  };
}
