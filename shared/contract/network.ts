/**
 * The office network (admins): serve this PC's Pelita to the other PCs of the office over TLS
 * (the office host), or connect this PC's desktop app to the office host, pinning the
 * fingerprint of its certificate after the admin compared it with the one the host shows.
 */
import { z } from 'zod';
import { method } from './method';
import { empty, isoDateTime, version } from './schemas';

/** A host name or IPv4 address clients type to reach the office host (no scheme, no port). */
export const networkName = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/, {
    error: 'network.name_invalid',
  });

/** SHA-256 of a certificate as upper-case hex pairs joined by colons (what browsers show). */
export const fingerprint256 = z
  .string()
  .trim()
  .regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/, { error: 'network.fingerprint_invalid' })
  .transform((f) => f.toUpperCase());

/** An https address of the office host, e.g. https://pelita-kantor:5871/ */
export const officeUrl = z
  .string()
  .trim()
  .max(300)
  .refine(
    (u) => {
      try {
        const url = new URL(u);
        return url.protocol === 'https:' && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { error: 'network.url_invalid' },
  );

/**
 * What the office host is doing: `off`, `running`, `failed` (the saved setting could not be
 * started, `error` says why), `command` (started with `npm run serve -- --office`: the command's
 * options rule and the screen only shows them), `unavailable` (this shell cannot serve).
 */
export const serveState = z.enum(['off', 'running', 'failed', 'command', 'unavailable']);
export type ServeState = z.infer<typeof serveState>;

export const serveStatus = z.object({
  enabled: z.boolean(),
  port: z.number().int(),
  names: z.array(z.string()),
  version,
  state: serveState,
  /** The addresses clients open, e.g. https://pelita-kantor:5871/ */
  urls: z.array(z.string()),
  fingerprint256: z.string().nullable(),
  /** base64 SHA-256 of the public key (Chromium's --ignore-certificate-errors-spki-list). */
  spki: z.string().nullable(),
  /** Why the saved setting could not be started: a message key and its values. */
  error: z
    .object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
    .nullable(),
});
export type ServeStatus = z.infer<typeof serveStatus>;

export const networkStatus = z.object({
  serve: serveStatus,
  /** This PC's desktop app as a client of the office host (office-host.json), or null. */
  client: z.object({ url: z.string(), fingerprint256: z.string() }).nullable(),
  /** The problem with an office-host.json that cannot be used (the desktop app refuses it). */
  clientProblem: z.string().nullable(),
  /** Names this PC may be reached by, to suggest (its computer name and LAN addresses). */
  thisPc: z.object({ hostname: z.string(), addresses: z.array(z.string()) }),
  /** Whether the caller sits at this PC: the network settings change only here. */
  local: z.boolean(),
});
export type NetworkStatus = z.infer<typeof networkStatus>;

export const serveInput = z.strictObject({
  enabled: z.boolean(),
  port: z
    .number()
    .int()
    .min(1024, { error: 'network.port_range' })
    .max(65535, { error: 'network.port_range' }),
  names: z.array(networkName).max(10),
  version,
});

export const probeOutput = z.object({
  url: z.string(),
  fingerprint256: z.string(),
  /** The certificate's subject and end of validity, shown beside the fingerprint. */
  subject: z.string(),
  validTo: isoDateTime,
});
export type ProbeResult = z.infer<typeof probeOutput>;

const clientInput = z.strictObject({
  url: officeUrl,
  fingerprint256,
  confirm: z.literal(true, { error: 'network.confirm_required' }),
});

export const networkContract = {
  'network.status': method({
    access: 'office.network',
    write: false,
    input: empty,
    output: networkStatus,
  }),
  /** Turns the office host on or off (port, names); applied at once and at every start. */
  'network.saveServe': method({
    access: 'office.network',
    write: true,
    input: serveInput,
    output: networkStatus,
  }),
  /** Connects to an office host and reads its certificate (trusting nothing yet). */
  'network.probe': method({
    access: 'office.network',
    write: false,
    input: z.strictObject({ url: officeUrl }),
    output: probeOutput,
  }),
  /**
   * Client mode: the desktop app of this PC opens the office host from its next start, accepting
   * only the certificate whose fingerprint the admin confirmed (checked again here).
   */
  'network.saveClient': method({
    access: 'office.network',
    write: true,
    input: clientInput,
    output: networkStatus,
  }),
  /**
   * The same two steps on a new PC before first-run setup (no admin exists yet): a client PC
   * connects to the office host without setting up an office of its own. Refused once set up.
   */
  'network.setupProbe': method({
    access: 'public',
    write: false,
    input: z.strictObject({ url: officeUrl }),
    output: probeOutput,
  }),
  'network.setupClient': method({
    access: 'public',
    write: true,
    input: clientInput,
    output: z.object({ url: z.string(), fingerprint256: z.string() }),
  }),
  /** Back to this PC's own database from the desktop app's next start. */
  'network.clearClient': method({
    access: 'office.network',
    write: true,
    input: empty,
    output: networkStatus,
  }),
};
