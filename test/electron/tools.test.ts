/**
 * The desktop build tools: the native-binary guard reads PE, ELF and Mach-O headers (fixture
 * headers below) and refuses a driver for the wrong platform or CPU; the driver plan prefers a
 * prebuilt binary and compiles as a fallback; the first `npm start` runs Electron's own install
 * step when its binary is missing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import beforePack, { NATIVE_DIR } from '../../electron/tools/before-pack.mjs';
import { ensureElectron, nodeAtLeast } from '../../electron/tools/ensure-electron.mjs';
import { ICO_SIZES, packIco } from '../../electron/tools/make-icons.mjs';
import {
  driverSources,
  nativeMismatches,
  nativeTarget,
} from '../../electron/tools/native-target.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pelita-tools-'));
  dirs.push(d);
  return d;
}

/** A PE file's first bytes: "MZ", e_lfanew at 0x3c, then "PE\0\0" and the machine. */
function peHeader(machine: number): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.writeUInt32BE(0x50450000, 0x80);
  b.writeUInt16LE(machine, 0x84);
  return b;
}
/** An ELF header: magic, class, data (1 little, 2 big endian), e_machine at 18. */
function elfHeader(machine: number, bigEndian = false): Buffer {
  const b = Buffer.alloc(64);
  b.writeUInt32BE(0x7f454c46, 0);
  b[4] = 2;
  b[5] = bigEndian ? 2 : 1;
  if (bigEndian) b.writeUInt16BE(machine, 18);
  else b.writeUInt16LE(machine, 18);
  return b;
}
function machOHeader(cpu: number): Buffer {
  const b = Buffer.alloc(32);
  b.writeUInt32LE(0xfeedfacf, 0);
  b.writeUInt32LE(cpu, 4);
  return b;
}

describe('native module headers', () => {
  it('reads platform and CPU from PE, ELF and Mach-O headers', () => {
    expect(nativeTarget(peHeader(0x8664))).toEqual({ platform: 'win32', arch: 'x64' });
    expect(nativeTarget(peHeader(0xaa64))).toEqual({ platform: 'win32', arch: 'arm64' });
    expect(nativeTarget(peHeader(0x014c))).toEqual({ platform: 'win32', arch: 'ia32' });
    expect(nativeTarget(elfHeader(0x3e))).toEqual({ platform: 'linux', arch: 'x64' });
    expect(nativeTarget(elfHeader(0xb7))).toEqual({ platform: 'linux', arch: 'arm64' });
    expect(nativeTarget(elfHeader(0xb7, true))).toEqual({ platform: 'linux', arch: 'arm64' });
    expect(nativeTarget(machOHeader(0x0100000c))).toEqual({ platform: 'darwin', arch: 'arm64' });
    expect(nativeTarget(machOHeader(0x01000007))).toEqual({ platform: 'darwin', arch: 'x64' });
    expect(nativeTarget(Buffer.from('cafebabe00000002', 'hex'))).toEqual({
      platform: 'darwin',
      arch: 'universal',
    });
  });

  it('knows the real Node build of better-sqlite3 installed here', () => {
    const real = readFileSync('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(nativeTarget(real.subarray(0, 4096))).toEqual({
      platform: process.platform,
      arch: process.arch,
    });
  });

  it('is not fooled by text, a truncated header or an MZ stub without a PE signature', () => {
    expect(nativeTarget(Buffer.from('not a binary at all, just some text here'))).toBeNull();
    expect(nativeTarget(Buffer.from('MZ'))).toBeNull();
    const stub = peHeader(0x8664);
    stub.writeUInt32BE(0, 0x80);
    expect(nativeTarget(stub)).toBeNull();
    const outside = peHeader(0x8664);
    outside.writeUInt32LE(10_000, 0x3c);
    expect(nativeTarget(outside)).toBeNull();
  });
});

describe('beforePack guard', () => {
  function project(files: Record<string, Buffer>): string {
    const root = tempDir();
    mkdirSync(join(root, NATIVE_DIR), { recursive: true });
    for (const [name, bytes] of Object.entries(files))
      writeFileSync(join(root, NATIVE_DIR, name), bytes);
    return root;
  }
  // electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3.
  const win64 = (projectDir: string) => ({
    electronPlatformName: 'win32',
    arch: 1,
    packager: { projectDir },
  });

  it('refuses a Linux driver in a Windows installer, naming the file and the fix', async () => {
    const root = project({ 'better_sqlite3.node': elfHeader(0x3e) });
    await expect(beforePack(win64(root))).rejects.toThrow(
      /better_sqlite3\.node was built for linux-x64, but this package is for win32-x64[\s\S]*--platform=win32 --arch=x64/,
    );
  });

  it('refuses the wrong CPU and a file that is no native module', async () => {
    await expect(
      beforePack(win64(project({ 'better_sqlite3.node': peHeader(0xaa64) }))),
    ).rejects.toThrow(/win32-arm64/);
    await expect(
      beforePack(win64(project({ 'better_sqlite3.node': Buffer.from('<html>') }))),
    ).rejects.toThrow(/not a Windows, Linux or macOS native module/);
  });

  it('refuses when the driver was never built', async () => {
    await expect(beforePack(win64(project({})))).rejects.toThrow(/holds no \.node file/);
    await expect(beforePack(win64(join(tempDir(), 'none')))).rejects.toThrow(/does not exist/);
  });

  it('lets a matching driver through, for Windows and for Linux', async () => {
    await expect(
      beforePack(win64(project({ 'better_sqlite3.node': peHeader(0x8664) }))),
    ).resolves.toBeUndefined();
    const linux = project({ 'better_sqlite3.node': elfHeader(0x3e) });
    await expect(
      beforePack({ electronPlatformName: 'linux', arch: 1, packager: { projectDir: linux } }),
    ).resolves.toBeUndefined();
    expect(nativeMismatches(join(linux, NATIVE_DIR), 'linux', 'arm64')).toHaveLength(1);
  });
});

describe('where the Electron driver comes from', () => {
  it('tries the prebuilt binary first and compiles as the fallback', () => {
    expect(
      driverSources({ platform: 'win32', hostPlatform: 'win32', buildFromSource: false }),
    ).toEqual(['prebuilt', 'compile']);
  });
  it('only fetches for another platform, and only compiles where build-from-source is set', () => {
    expect(
      driverSources({ platform: 'win32', hostPlatform: 'linux', buildFromSource: false }),
    ).toEqual(['prebuilt']);
    expect(
      driverSources({ platform: 'linux', hostPlatform: 'linux', buildFromSource: true }),
    ).toEqual(['compile']);
    expect(
      driverSources({ platform: 'win32', hostPlatform: 'linux', buildFromSource: true }),
    ).toEqual([]);
  });
});

describe('npm start: Electron install step', () => {
  function electronDir(installed: boolean): string {
    const dir = tempDir();
    writeFileSync(join(dir, 'install.js'), '');
    if (installed) {
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'path.txt'), 'electron');
      writeFileSync(join(dir, 'dist', 'electron'), '');
    }
    return dir;
  }
  const quiet = { log: () => undefined, error: vi.fn() };

  it('does nothing when the binary is there', () => {
    const run = vi.fn(() => 0);
    expect(
      ensureElectron({ electronDir: electronDir(true), nodeVersion: 'v22.12.0', run, ...quiet }),
    ).toBe(0);
    expect(run).not.toHaveBeenCalled();
  });

  it("runs Electron's own install script when path.txt is missing, even with the CI skip set", () => {
    const dir = electronDir(false);
    const run = vi.fn((script: string, env: NodeJS.ProcessEnv) => {
      expect(script).toBe(join(dir, 'install.js'));
      expect(env.ELECTRON_SKIP_BINARY_DOWNLOAD).toBeUndefined();
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'path.txt'), 'electron');
      writeFileSync(join(dir, 'dist', 'electron'), '');
      return 0;
    });
    const code = ensureElectron({
      electronDir: dir,
      nodeVersion: 'v22.12.0',
      env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PATH: '/bin' },
      run,
      ...quiet,
    });
    expect(code).toBe(0);
    expect(run).toHaveBeenCalledOnce();
  });

  it('installs again when path.txt names a binary that is gone', () => {
    const dir = electronDir(false);
    writeFileSync(join(dir, 'path.txt'), 'electron');
    const run = vi.fn(() => 1);
    const error = vi.fn();
    expect(
      ensureElectron({
        electronDir: dir,
        nodeVersion: 'v24.1.0',
        run,
        log: () => undefined,
        error,
      }),
    ).toBe(1);
    expect(run).toHaveBeenCalledOnce();
    expect(error.mock.calls[0]![0]).toMatch(/Downloading Electron failed/);
  });

  it('says which Node it needs instead of failing inside the download', () => {
    const run = vi.fn(() => 0);
    const error = vi.fn();
    const code = ensureElectron({
      electronDir: electronDir(false),
      nodeVersion: 'v20.19.0',
      run,
      log: () => undefined,
      error,
    });
    expect(code).toBe(1);
    expect(run).not.toHaveBeenCalled();
    expect(error.mock.calls[0]![0]).toMatch(/Node 22\.12 or newer/);
    expect(nodeAtLeast('v22.11.9', [22, 12])).toBe(false);
    expect(nodeAtLeast('v23.0.0', [22, 12])).toBe(true);
  });

  it('is the first step of npm start', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start.split('&&')[0]!.trim()).toBe(
      'node electron/tools/ensure-electron.mjs',
    );
  });
});

describe('icons', () => {
  /** The sizes an .ico's directory lists, and whether each entry points at a PNG. */
  function icoEntries(ico: Buffer) {
    expect(ico.readUInt16LE(2)).toBe(1);
    return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const at = 6 + 16 * i;
      const offset = ico.readUInt32LE(at + 12);
      return {
        size: ico[at] === 0 ? 256 : ico[at]!,
        png: ico.subarray(offset, offset + 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
        fits: offset + ico.readUInt32LE(at + 8) <= ico.length,
      };
    });
  }

  it('packs PNG images into an .ico directory, 256 written as 0', () => {
    const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
    const ico = packIco([
      { size: 16, png },
      { size: 256, png },
    ]);
    expect(ico[6 + 16]).toBe(0);
    expect(icoEntries(ico)).toEqual([
      { size: 16, png: true, fits: true },
      { size: 256, png: true, fits: true },
    ]);
  });

  it('ships icon.ico with every size from 16 to 256 and a 512 px icon.png', () => {
    const entries = icoEntries(readFileSync('resources/icon.ico'));
    expect(entries.map((e) => e.size)).toEqual(ICO_SIZES);
    expect(entries.every((e) => e.png && e.fits)).toBe(true);
    const png = readFileSync('resources/icon.png');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
