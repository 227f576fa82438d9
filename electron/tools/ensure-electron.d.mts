export declare const ELECTRON_NODE: [number, number];
export declare function nodeAtLeast(version: string, min: [number, number]): boolean;
export declare function installedElectron(
  electronDir: string,
  exists?: (path: string) => boolean,
  read?: (path: string, encoding: 'utf8') => string,
): string | null;
export declare function ensureElectron(opts: {
  electronDir: string;
  nodeVersion?: string;
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
  read?: (path: string, encoding: 'utf8') => string;
  run?: (script: string, env: NodeJS.ProcessEnv) => number;
  log?: (line: string) => void;
  error?: (line: string) => void;
}): number;
