/**
 * Client mode and the splash, with Electron mocked: office-host.json is read strictly, the
 * verify proc accepts the office host's certificate only with the pinned fingerprint, and the
 * splash appears only when opening the database takes a while.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ACCEPT,
  CLIENT_FILE,
  ClientConfigError,
  normalizeFingerprint,
  askOnMismatch,
  pinnedCertificateCheck,
  readOfficeClient,
  REFUSE,
} from '../../electron/main/officeClient';
import { splashHtml, splashUrl, withSplash } from '../../electron/main/splash';
import { createOfficeCertificate } from '../../electron/backend/host/tls';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.useRealTimers();
});
function dataDir(content?: string): string {
  const d = mkdtempSync(join(tmpdir(), 'pelita-client-'));
  dirs.push(d);
  if (content !== undefined) writeFileSync(join(d, CLIENT_FILE), content);
  return d;
}

const HEX = 'ab'.repeat(32).match(/../g)!.join(':');
const HEX_UPPER = HEX.toUpperCase();

describe('office-host.json', () => {
  it('is absent on a PC with its own database', () => {
    expect(readOfficeClient(dataDir())).toBeNull();
  });

  it('gives the host address and the fingerprint in one form', () => {
    const client = readOfficeClient(
      dataDir(JSON.stringify({ url: 'https://Pelita-Kantor:5871', fingerprint: HEX })),
    );
    expect(client).toEqual({
      url: 'https://pelita-kantor:5871/',
      origin: 'https://pelita-kantor:5871',
      hostname: 'pelita-kantor',
      fingerprint: HEX_UPPER,
    });
  });

  it('refuses plain http, a wrong fingerprint, extra keys and broken JSON, saying which', () => {
    const cases: [string, RegExp][] = [
      [JSON.stringify({ url: 'http://pelita-kantor:5871/', fingerprint: HEX }), /https:\/\//],
      [JSON.stringify({ url: 'https://pelita-kantor/', fingerprint: 'AB:CD' }), /SHA-256/],
      [JSON.stringify({ url: 'https://x/', fingerprint: HEX, trustAll: true }), /exactly/],
      [JSON.stringify({ url: 'not a url', fingerprint: HEX }), /not an address/],
      ['{', /not JSON/],
    ];
    for (const [content, message] of cases) {
      const dir = dataDir(content);
      expect(() => readOfficeClient(dir), content).toThrow(ClientConfigError);
      expect(() => readOfficeClient(dir), content).toThrow(message);
    }
  });

  it("reads Electron's sha256/base64 form and the hex form alike", () => {
    const bytes = Buffer.alloc(32, 0xab);
    expect(normalizeFingerprint('sha256/' + bytes.toString('base64'))).toBe(HEX_UPPER);
    expect(normalizeFingerprint(HEX.replace(/:/g, ''))).toBe(HEX_UPPER);
    expect(normalizeFingerprint('sha256/' + Buffer.alloc(20).toString('base64'))).toBeNull();
    expect(normalizeFingerprint('sha1/abc')).toBeNull();
  });
});

describe('certificate pinning', () => {
  it("accepts the host's own self-signed certificate by its fingerprint, nothing else", async () => {
    const cert = await createOfficeCertificate(['pelita-kantor']);
    const x509 = new X509Certificate(cert.cert);
    // Electron reports "sha256/" + base64 of the certificate's SHA-256.
    const electronFingerprint = 'sha256/' + createHash('sha256').update(x509.raw).digest('base64');
    const client = readOfficeClient(
      dataDir(
        JSON.stringify({ url: 'https://pelita-kantor:5871/', fingerprint: x509.fingerprint256 }),
      ),
    )!;
    const onMismatch = vi.fn();
    const check = pinnedCertificateCheck(client, onMismatch);
    const verdict = (hostname: string, fingerprint: string) => {
      let result: number | undefined;
      check({ hostname, certificate: { fingerprint } }, (r) => (result = r));
      return result;
    };
    expect(verdict('pelita-kantor', electronFingerprint)).toBe(ACCEPT);
    expect(verdict('PELITA-KANTOR', electronFingerprint)).toBe(ACCEPT);
    expect(onMismatch).not.toHaveBeenCalled();

    const other = new X509Certificate((await createOfficeCertificate(['pelita-kantor'])).cert);
    expect(verdict('pelita-kantor', other.fingerprint256)).toBe(REFUSE);
    // The right certificate presented for another name is refused too.
    expect(verdict('evil.example', electronFingerprint)).toBe(REFUSE);
    expect(onMismatch.mock.calls).toEqual([
      ['pelita-kantor', other.fingerprint256],
      ['evil.example', x509.fingerprint256],
    ]);
  });
});

describe('a changed office host certificate', () => {
  const PINNED = HEX_UPPER;
  const NEW = Array.from({ length: 32 }, () => 'CD').join(':');
  function setUp(choice: number) {
    const dir = dataDir(
      JSON.stringify({ url: 'https://pelita-kantor:5871/', fingerprint: PINNED }),
    );
    const client = readOfficeClient(dir)!;
    const asked: { message: string; buttons: string[] }[] = [];
    const relaunch = vi.fn();
    const lines: string[] = [];
    const onMismatch = askOnMismatch(client, {
      dataDir: dir,
      ask: (message, buttons) => {
        asked.push({ message, buttons });
        return Promise.resolve(choice);
      },
      log: (l) => lines.push(l),
      relaunch,
    });
    return { dir, asked, relaunch, lines, onMismatch };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('shows both fingerprints and pins the new one only when the user chooses to, then restarts', async () => {
    const s = setUp(1);
    s.onMismatch('pelita-kantor', NEW);
    s.onMismatch('pelita-kantor', NEW);
    await settle();
    expect(s.asked).toHaveLength(1);
    expect(s.asked[0]!.message).toContain(NEW);
    expect(s.asked[0]!.message).toContain(PINNED);
    expect(s.asked[0]!.message).toContain('Jaringan Kantor');
    expect(s.asked[0]!.message).toContain('Office Network');
    expect(s.asked[0]!.buttons[1]).toBe('Percayai sertifikat baru / Trust the new certificate');
    expect(readOfficeClient(s.dir)!.fingerprint).toBe(NEW);
    expect(s.relaunch).toHaveBeenCalledTimes(1);
    expect(s.lines.join('\n')).toContain('pinned the new certificate');
  });

  it('keeps the old pin when the user closes the message', async () => {
    const s = setUp(0);
    s.onMismatch('pelita-kantor', NEW);
    await settle();
    expect(readOfficeClient(s.dir)!.fingerprint).toBe(PINNED);
    expect(s.relaunch).not.toHaveBeenCalled();
  });

  it('only refuses another host name: nothing to pin there', async () => {
    const s = setUp(1);
    s.onMismatch('evil.example', NEW);
    await settle();
    expect(s.asked).toHaveLength(1);
    expect(s.asked[0]!.buttons).toHaveLength(1);
    expect(readOfficeClient(s.dir)!.fingerprint).toBe(PINNED);
    expect(s.relaunch).not.toHaveBeenCalled();
  });
});

describe('splash', () => {
  it('says what is happening in both languages, with no script', () => {
    const html = splashHtml();
    expect(html).toContain('Menyiapkan basis data Pelita…');
    expect(html).toContain('Preparing Pelita&#39;s database…'.replace('&#39;', "'"));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
    expect(decodeURIComponent(splashUrl().replace(/^data:text\/html;charset=utf-8,/, ''))).toBe(
      html,
    );
  });

  it('appears only when opening takes longer than the delay, and closes when done', async () => {
    vi.useFakeTimers();
    const close = vi.fn();
    const show = vi.fn(() => ({ close }));
    let open: (v: string) => void = () => undefined;
    const slow = withSplash(new Promise<string>((r) => (open = r)), show, 400);
    await vi.advanceTimersByTimeAsync(399);
    expect(show).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(show).toHaveBeenCalledOnce();
    open('ready');
    await expect(slow).resolves.toBe('ready');
    expect(close).toHaveBeenCalledOnce();

    const quick = vi.fn(() => ({ close }));
    await withSplash(Promise.resolve('ready'), quick, 400);
    await vi.advanceTimersByTimeAsync(1000);
    expect(quick).not.toHaveBeenCalled();
  });

  it('closes the splash when opening fails', async () => {
    vi.useFakeTimers();
    const close = vi.fn();
    const failing = withSplash(
      new Promise((_, reject) => setTimeout(() => reject(new Error('locked')), 1000)),
      () => ({ close }),
      400,
    );
    const caught = expect(failing).rejects.toThrow('locked');
    await vi.advanceTimersByTimeAsync(1000);
    await caught;
    expect(close).toHaveBeenCalledOnce();
  });
});
