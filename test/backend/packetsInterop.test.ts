/**
 * A packet made by Pelita opens with the standard tools: `age -d` with the recipient's identity,
 * then `minisign -V` checks the manifest against the sender's key card, and the data files
 * match the manifest's SHA-256. Skipped (with a message) where the tools are not installed;
 * .ci/run installs them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/backend/dispatch/context';
import { currentKey, openKey } from '../../electron/backend/keys/exchangeKeys';
import { minisignPublicKeyFile } from '../../electron/backend/keys/minisign';
import { banjar, banjarbaru, fileBytes, partners } from './packetsFixtures';
import { createPerson } from './registry';

const has = (tool: string) => spawnSync(tool, ['-h'], { stdio: 'ignore' }).error === undefined;
const tools = has('age') && has('minisign') && has('unzip');
if (!tools)
  console.warn(
    'packetsInterop: age, minisign or unzip is not installed; the interoperability test is skipped (.ci/run installs them)',
  );

describe.skipIf(!tools)('a Pelita packet opened with standard tools', () => {
  it('decrypts with age, verifies with minisign and matches the manifest hashes', async () => {
    const a = await banjarbaru();
    const b = await banjar();
    const { bAtA, cardA } = await partners(a, b);
    const p = await createPerson(a.admin, { fullName: 'Siti Aminah', originCode: '63.03' });
    await a.admin.call('packets.setConsent', { personId: p.id, consent: 'given', note: null });
    const sent = await a.admin.call('packets.export', {
      partnerId: bAtA.id,
      choose: 'area',
      mode: 'full',
      legalBasis: 'consent',
      purpose: 'Uji alat standar',
    });
    const dir = mkdtempSync(join(tmpdir(), 'pelita-interop-'));
    writeFileSync(join(dir, 'paket.pelita'), await fileBytes(a, sent.fileId));
    // The recipient's age identity, as an admin would export it from the recovery file.
    const keyB = openKey({ dataDir: b.dir } as Ctx, (await currentKey(b.backend.db))!);
    writeFileSync(join(dir, 'banjar.key'), keyB.ageIdentity + '\n', { mode: 0o600 });
    execFileSync('age', ['-d', '-i', 'banjar.key', '-o', 'paket.zip', 'paket.pelita'], {
      cwd: dir,
    });
    execFileSync('unzip', ['-q', 'paket.zip', '-d', 'isi'], { cwd: dir });
    // The sender's signing key from its key card (the minisign public key printed on it).
    const keyA = (await currentKey(a.backend.db))!;
    writeFileSync(join(dir, 'banjarbaru.pub'), minisignPublicKeyFile(keyA.sign_public, 'Pelita'));
    expect(cardA.minisignPublic).toBe(
      readFileSync(join(dir, 'banjarbaru.pub'), 'utf8').split('\n')[1],
    );
    const out = execFileSync('minisign', ['-V', '-p', '../banjarbaru.pub', '-m', 'manifest.json'], {
      cwd: join(dir, 'isi'),
    }).toString();
    expect(out).toMatch(/Signature and comment signature verified/);
    expect(out).toContain(`pelita packet ${sent.packetId} seq 1 from 63.72 to 63.03`);
    const manifest = JSON.parse(readFileSync(join(dir, 'isi', 'manifest.json'), 'utf8')) as {
      files: { name: string; sha256: string; records: number }[];
    };
    for (const f of manifest.files) {
      const bytes = readFileSync(join(dir, 'isi', f.name));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
    }
    // One altered byte in the manifest and minisign refuses it.
    const m = readFileSync(join(dir, 'isi', 'manifest.json'));
    m[20] = m[20]! ^ 1;
    writeFileSync(join(dir, 'isi', 'manifest.json'), m);
    const bad = spawnSync('minisign', ['-V', '-p', '../banjarbaru.pub', '-m', 'manifest.json'], {
      cwd: join(dir, 'isi'),
    });
    expect(bad.status).not.toBe(0);
  });
});
