/** Types of scripts/electron-native.mjs, for the tests. */
export const ROOT: string;
export function electronVersion(root?: string): string;
export function nativeTarget(version: string, root?: string): string;
export function ensureElectronNative(options?: {
  root?: string;
  version?: string;
  arch?: string;
  force?: boolean;
  log?: (line: string) => void;
}): string;
