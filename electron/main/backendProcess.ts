/**
 * Entry of the backend's utility process (built to out/main/backend.js, started by
 * backendClient.ts). The database and every handler run here, so long work never freezes the
 * window; main only relays. `process.parentPort` is Electron's channel to main.
 */
import { serveBackend } from './backendServer';

serveBackend(process.parentPort);
