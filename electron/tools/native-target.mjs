/**
 * Which platform and CPU a native module (.node) was built for, read from its header: PE
 * (Windows), ELF (Linux) or Mach-O (macOS). Used by the beforePack guard (before-pack.mjs) and
 * by build-electron-sqlite.mjs to check what it downloaded or compiled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PE_MACHINES = { 0x8664: 'x64', 0xaa64: 'arm64', 0x014c: 'ia32' };
const ELF_MACHINES = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'armv7l' };
const MACHO_CPUS = { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x07: 'ia32' };

/**
 * `{ platform, arch }` of a binary from its first bytes (4 KB is plenty), or null when it is
 * none of the three formats. arch is 'unknown' for a CPU this app never ships.
 */
export function nativeTarget(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 64 && b[0] === 0x4d && b[1] === 0x5a) {
    const pe = b.readUInt32LE(0x3c);
    if (pe + 6 > b.length || b.readUInt32BE(pe) !== 0x50450000) return null;
    return { platform: 'win32', arch: PE_MACHINES[b.readUInt16LE(pe + 4)] ?? 'unknown' };
  }
  if (b.length >= 20 && b.readUInt32BE(0) === 0x7f454c46) {
    const machine = b[5] === 2 ? b.readUInt16BE(18) : b.readUInt16LE(18);
    return { platform: 'linux', arch: ELF_MACHINES[machine] ?? 'unknown' };
  }
  if (b.length >= 8 && (b.readUInt32LE(0) === 0xfeedfacf || b.readUInt32LE(0) === 0xfeedface)) {
    return { platform: 'darwin', arch: MACHO_CPUS[b.readUInt32LE(4)] ?? 'unknown' };
  }
  if (b.length >= 8 && b.readUInt32BE(0) === 0xcafebabe) {
    return { platform: 'darwin', arch: 'universal' };
  }
  return null;
}

/** electron-builder's Arch enum (builder-util): the number a hook's context.arch holds. */
export const BUILDER_ARCH = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * Problems with the .node files in `dir` for a package targeting platform/arch: one line per
 * file that is not a native module or was built for another platform or CPU. Empty when all fit.
 */
export function nativeMismatches(dir, platform, arch) {
  const problems = [];
  let names;
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.node'));
  } catch {
    return [`${dir} does not exist: build the database driver first (npm run dist does).`];
  }
  if (names.length === 0) return [`${dir} holds no .node file: build the database driver first.`];
  for (const name of names) {
    const found = nativeTarget(readFileSync(join(dir, name)).subarray(0, 4096));
    if (!found) problems.push(`${name} is not a Windows, Linux or macOS native module.`);
    else if (found.platform !== platform || (found.arch !== arch && found.arch !== 'universal'))
      problems.push(
        `${name} was built for ${found.platform}-${found.arch}, but this package is for ${platform}-${arch}.`,
      );
  }
  return problems;
}

/**
 * How build-electron-sqlite.mjs gets the driver, in order: a prebuilt N-API binary for Electron
 * (downloaded by better-sqlite3's own prebuild-install, where the release has one) and, when
 * that fails, compiling. Compiling only works for the machine's own platform; build machines
 * that must compile (no route to GitHub, as on .ci/run) set npm_config_build_from_source.
 */
export function driverSources({ platform, hostPlatform, buildFromSource }) {
  if (buildFromSource) return platform === hostPlatform ? ['compile'] : [];
  return platform === hostPlatform ? ['prebuilt', 'compile'] : ['prebuilt'];
}
