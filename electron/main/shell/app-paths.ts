import path from 'node:path';

export interface AppLocation {
  /** app.getAppPath(): the project folder in development, resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: the packaged app's resources folder. */
  resourcesPath: string;
  isPackaged: boolean;
}

/** Where electron-builder puts migrations (extraResources) versus the project's own folder. */
export function migrationsDir(location: AppLocation): string {
  return location.isPackaged
    ? path.join(location.resourcesPath, 'migrations')
    : path.join(location.appPath, 'migrations');
}

/** The fonts PDFs are printed with: electron-builder.yml copies resources/fonts/** to <resources>/fonts. */
export function pdfFontsDir(location: AppLocation): string {
  return location.isPackaged
    ? path.join(location.resourcesPath, 'fonts')
    : path.join(location.appPath, 'resources', 'fonts');
}

/**
 * The folder that holds reference data (icd10cm/, ...): resources/ in development; packaged,
 * electron-builder.yml copies each data folder of resources/ to <resources>/.
 */
export function referenceDataDir(location: AppLocation): string {
  return location.isPackaged ? location.resourcesPath : path.join(location.appPath, 'resources');
}

export function rendererDir(location: AppLocation): string {
  return path.join(location.appPath, 'out', 'renderer');
}

export function preloadPath(location: AppLocation): string {
  return path.join(location.appPath, 'out', 'preload', 'index.cjs');
}

export function windowIconPath(location: AppLocation): string {
  return location.isPackaged
    ? path.join(location.resourcesPath, 'icons', 'icon.png')
    : path.join(location.appPath, 'resources', 'icons', 'icon.png');
}

/**
 * better-sqlite3 built for Electron's ABI, loaded through its nativeBinding option so the copy in
 * node_modules stays built for Node (tests, bench, tools). scripts/prepare-electron-native.mjs
 * writes it to .native/electron/ in development; electron-builder.yml ships that same file as
 * resources/native/ in the packaged app.
 */
export function electronNativeBindingPath(location: AppLocation): string {
  return location.isPackaged
    ? path.join(location.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(location.appPath, '.native', 'electron', 'better_sqlite3.node');
}

/**
 * The core's thread, built by electron-vite beside index.js. Packaged, it stays inside app.asar:
 * Electron's worker threads read the archive (since Electron 17.3) and resolve node_modules there.
 */
export function coreWorkerPath(location: AppLocation): string {
  return path.join(location.appPath, 'out', 'main', 'core-worker.js');
}
