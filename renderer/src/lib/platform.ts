/**
 * Whether the page runs inside the desktop app (its own backend or client mode on the office
 * host) rather than a browser. The desktop shell opens no second window, so links that would
 * open a new tab (`target="_blank"`) are not offered there.
 */
export function inDesktopApp(): boolean {
  return typeof navigator !== 'undefined' && /\bElectron\//.test(navigator.userAgent);
}
