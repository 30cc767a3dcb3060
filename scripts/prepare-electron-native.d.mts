// Types for the pure parts of prepare-electron-native.mjs that tests/unit/shell import.
export interface NativeBuildTarget {
  electronVersion: string;
  /** better-sqlite3-multiple-ciphers, installed as better-sqlite3. */
  betterSqlite3Package: string;
  betterSqlite3Version: string;
  platform: string;
  arch: string;
}
export declare const NATIVE_DIR: string;
export declare const BINDING_FILE: string;
export declare const STAMP_FILE: string;
export declare function parseStamp(text: string): NativeBuildTarget | null;
export declare function rebuildReason(
  stamp: NativeBuildTarget | null,
  target: NativeBuildTarget,
  bindingExists: boolean,
): string | null;
