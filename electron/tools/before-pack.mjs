/**
 * electron-builder `beforePack` hook: refuses to package a database driver (.node) built for
 * another platform or CPU than the installer's target. Without it a Linux build of
 * better-sqlite3 goes into a Windows installer unnoticed and the app fails on first start.
 */
import { join } from 'node:path';
import { BUILDER_ARCH, nativeMismatches } from './native-target.mjs';

/** The folder electron-builder.yml ships as resources/native (extraResources). */
export const NATIVE_DIR = join('build', 'native-electron');

export default async function beforePack(context) {
  const projectDir = context.packager?.projectDir ?? process.cwd();
  const platform = context.electronPlatformName;
  const arch = BUILDER_ARCH[context.arch] ?? String(context.arch);
  const problems = nativeMismatches(join(projectDir, NATIVE_DIR), platform, arch);
  if (problems.length > 0) {
    throw new Error(
      `Refusing to package Pelita for ${platform}-${arch}:\n  ` +
        problems.join('\n  ') +
        `\nBuild the driver for the target: node electron/tools/build-electron-sqlite.mjs --platform=${platform} --arch=${arch}`,
    );
  }
}
