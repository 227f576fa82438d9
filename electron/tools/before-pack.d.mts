export declare const NATIVE_DIR: string;
export default function beforePack(context: {
  electronPlatformName: string;
  arch: number;
  packager?: { projectDir?: string };
}): Promise<void>;
