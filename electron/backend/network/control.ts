/**
 * What the backend needs from its shell to serve the office network: the shell owns sockets
 * (the browser host's process, Electron's backend process), the backend owns the setting.
 */
import type { ServeState } from '../../../shared/contract/network';
import type { MessageParams } from '../../../shared/errors';
import type { MessageKey } from '../../../shared/i18n';

/** office-serve.json in the data folder: whether this PC serves the office, on which port, by which names. */
export interface ServeSettings {
  enabled: boolean;
  port: number;
  names: string[];
  version: number;
}

/** What the office host is doing now. */
export interface ServeRuntime {
  state: ServeState;
  urls: string[];
  fingerprint256: string | null;
  spki: string | null;
  /** Why the saved setting could not be started (a message key and its values). */
  error: { key: MessageKey; params: MessageParams } | null;
}

export interface OfficeNetwork {
  runtime(): ServeRuntime;
  /**
   * Starts, restarts or stops the office host for `settings`. Rejects with an AppError when it
   * cannot start; what ran before keeps running then.
   */
  apply(settings: ServeSettings): Promise<ServeRuntime>;
  /** Set when the command line (`--office`) decides; the screen then only shows it. */
  readonly fixed?: ServeSettings;
}

export const OFF: ServeRuntime = {
  state: 'off',
  urls: [],
  fingerprint256: null,
  spki: null,
  error: null,
};
