// Builds better-sqlite3 for Electron's ABI into .native/electron/better_sqlite3.node, which the
// main process loads through better-sqlite3's nativeBinding option. node_modules/better-sqlite3
// stays built for Node, so `npm test` and `npm start` both work, in any order, with no manual step.
// Skips the build when the stamp says this Electron, better-sqlite3, platform and arch are done.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NATIVE_DIR = path.join(ROOT, '.native', 'electron');
export const BINDING_FILE = path.join(NATIVE_DIR, 'better_sqlite3.node');
export const STAMP_FILE = path.join(NATIVE_DIR, 'stamp.json');
const BUILD_DIR = path.join(ROOT, '.native', 'electron-build');
// The package name too: better-sqlite3 is installed as better-sqlite3-multiple-ciphers (SQLCipher),
// whose version numbers follow better-sqlite3's, so a version alone would keep a build without ciphers.
const STAMP_KEYS = ['electronVersion', 'betterSqlite3Package', 'betterSqlite3Version', 'platform', 'arch'];

/** Reads a stamp file's text; anything unreadable counts as no stamp (so it rebuilds). */
export function parseStamp(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && STAMP_KEYS.every((k) => typeof value[k] === 'string') ? value : null;
  } catch {
    return null;
  }
}

/** Why a rebuild is needed, in words for the console, or null when the existing build fits. */
export function rebuildReason(stamp, target, bindingExists) {
  if (!bindingExists) return 'there is no Electron build of better-sqlite3 yet';
  if (!stamp) return 'the previous build left no readable stamp';
  for (const key of STAMP_KEYS) {
    if (stamp[key] !== target[key]) return `${key} changed from ${stamp[key]} to ${target[key]}`;
  }
  return null;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function fail(message) {
  console.error(`\nprepare-electron-native: ${message}\n`);
  process.exit(1);
}

function electronTarget() {
  const electronDir = path.join(ROOT, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) {
    fail('Electron is not installed (node_modules/electron is missing). Run "npm install" first.');
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const binary = fs.existsSync(pathFile)
    ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim())
    : null;
  if (!binary || !fs.existsSync(binary)) {
    fail(
      "Electron's binary is not installed (node_modules/electron/dist is missing; npm install was probably run with " +
        'ELECTRON_SKIP_BINARY_DOWNLOAD=1). Reinstall Electron with network access to its download host ' +
        '("rm -rf node_modules/electron && npm install"). To look at the app without Electron, use "npm run explore".',
    );
  }
  return {
    electronVersion: readJson(path.join(electronDir, 'package.json')).version,
    betterSqlite3Package: readJson(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json')).name,
    betterSqlite3Version: readJson(path.join(ROOT, 'node_modules', 'better-sqlite3', 'package.json')).version,
    platform: process.platform,
    arch: process.arch,
  };
}

/** Rebuilds a private copy, so node_modules/better-sqlite3 (built for Node) is never touched. */
async function buildForElectron(target) {
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  const moduleDir = path.join(BUILD_DIR, 'node_modules', 'better-sqlite3');
  fs.mkdirSync(path.dirname(moduleDir), { recursive: true });
  fs.cpSync(path.join(ROOT, 'node_modules', 'better-sqlite3'), moduleDir, {
    recursive: true,
    filter: (src) => !src.startsWith(path.join(ROOT, 'node_modules', 'better-sqlite3', 'build')),
  });
  // better-sqlite3's own install steps (prebuild-install, else node-gyp), pointed at Electron's
  // runtime and headers the way Electron's docs describe for npm. No @electron/rebuild: its current
  // major needs Node 22, and this must work on the Node that runs npm here.
  const env = {
    ...process.env,
    npm_config_runtime: 'electron',
    npm_config_target: target.electronVersion,
    npm_config_arch: target.arch,
    npm_config_target_arch: target.arch,
    npm_config_disturl: 'https://electronjs.org/headers',
  };
  const run = (command, args) => spawnSync(command, args, { cwd: moduleDir, env, stdio: 'inherit' }).status === 0;
  const prebuildInstall = path.join(ROOT, 'node_modules', 'prebuild-install', 'bin.js');
  const prebuilt =
    fs.existsSync(prebuildInstall) &&
    run(process.execPath, [
      prebuildInstall,
      '--runtime',
      'electron',
      '--target',
      target.electronVersion,
      '--arch',
      target.arch,
    ]);
  if (!prebuilt) {
    console.log('prepare-electron-native: no prebuilt binary; compiling from source with node-gyp…');
    const nodeGyp = process.env.npm_config_node_gyp;
    const ok = nodeGyp
      ? run(process.execPath, [nodeGyp, 'rebuild', '--release'])
      : run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp', 'rebuild', '--release']);
    if (!ok) throw new Error('node-gyp could not compile better-sqlite3 for Electron');
  }
  const built = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) throw new Error(`the rebuild finished but ${path.relative(ROOT, built)} was not produced`);
  fs.mkdirSync(NATIVE_DIR, { recursive: true });
  fs.copyFileSync(built, BINDING_FILE);
  fs.writeFileSync(STAMP_FILE, JSON.stringify(target, null, 2) + '\n');
}

async function main() {
  const target = electronTarget();
  const stamp = fs.existsSync(STAMP_FILE) ? parseStamp(fs.readFileSync(STAMP_FILE, 'utf8')) : null;
  const reason = rebuildReason(stamp, target, fs.existsSync(BINDING_FILE));
  if (!reason) {
    console.log(
      `prepare-electron-native: better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} is up to date.`,
    );
    return;
  }
  console.log(
    `prepare-electron-native: building better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} (${reason})…`,
  );
  try {
    await buildForElectron(target);
  } catch (error) {
    fail(
      `Could not build better-sqlite3 for Electron ${target.electronVersion}: ${error instanceof Error ? error.message : String(error)}\n` +
        'It needs either network access to download the prebuilt binary or a C++ toolchain (python3, make, a C++ compiler) ' +
        "and Electron's headers. Fix that, then run this again.",
    );
  }
  console.log(`prepare-electron-native: wrote ${path.relative(ROOT, BINDING_FILE)}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
