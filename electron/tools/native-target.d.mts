export interface NativeTarget {
  platform: 'win32' | 'linux' | 'darwin';
  arch: string;
}
export declare function nativeTarget(bytes: Uint8Array): NativeTarget | null;
export declare const BUILDER_ARCH: string[];
export declare function nativeMismatches(dir: string, platform: string, arch: string): string[];
export declare function driverSources(opts: {
  platform: string;
  hostPlatform: string;
  buildFromSource: boolean;
}): ('prebuilt' | 'compile')[];
