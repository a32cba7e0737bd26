// Validates the electron-builder config, then packs the app for Linux (--dir) around a
// stand-in Electron (the real binary cannot be downloaded here) and checks what app.asar
// holds, that the samples ship as extra resources, and that the fuses were flipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../support/shared-data';

const require = createRequire(import.meta.url);
const configPath = join(repoRoot, 'electron-builder.config.cjs');
type Config = Record<string, unknown> & {
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  fileAssociations: { ext: string[]; role: string }[];
  extraResources: { from: string; to: string }[];
};
const loadConfig = (): Config => {
  delete require.cache[configPath];
  return require(configPath) as Config;
};
const { electronFuses } = require(join(repoRoot, 'build/fuses.cjs')) as {
  electronFuses(test: boolean): Record<string, boolean>;
};

describe('electron-builder config', () => {
  const config = loadConfig();

  it('names the app and its installers', () => {
    expect(config.appId).toBe('org.archivereader.app');
    expect(config.productName).toBe('Archive Reader');
    expect(config.asar).toBe(true);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('associates .txt files as a viewer and ships the samples', () => {
    expect(config.fileAssociations[0]).toMatchObject({ ext: ['txt'], role: 'Viewer' });
    expect(config.extraResources).toEqual([
      expect.objectContaining({ from: 'resources/samples', to: 'samples' }),
    ]);
    expect(
      readdirSync(join(repoRoot, 'resources/samples')).filter((f) => f.endsWith('.txt')).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('has an icon set', () => {
    for (const f of [
      'icon.png',
      'icon.ico',
      'icon.icns',
      'icons/16x16.png',
      'icons/512x512.png',
      'icons/1024x1024.png',
    ]) {
      expect(existsSync(join(repoRoot, 'resources', f)), f).toBe(true);
    }
  });

  it('packs only built output', () => {
    expect(config.files).toContain('out/**/*');
    expect(config.files.some((f) => /^(main|renderer|tests|docs)\//.test(f))).toBe(false);
  });

  it('sets release fuses, and keeps only the inspector in the test build', () => {
    const release = electronFuses(false);
    expect(release).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(electronFuses(true)).toEqual({ ...release, enableNodeCliInspectArguments: true });
    expect(config.electronFuses).toEqual(release);
  });
});

// The fuse wire as Electron embeds it: sentinel, version 1, length, one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

/** A folder shaped like an unpacked Linux Electron, with a shell script as the binary. */
function fakeElectronDist(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in electron"\nexit 0\n# '),
    Buffer.from(SENTINEL),
    Buffer.from([1, FUSE_NAMES.length]),
    // Electron's defaults: everything on except the last two.
    Buffer.from('11111100'),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(join(dir, 'resources.pak'), '');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), 'stand-in');
  writeFileSync(join(dir, 'version'), '45.5.0');
}

const built =
  existsSync(join(repoRoot, 'out/main/index.js')) &&
  existsSync(join(repoRoot, 'out/main/engine-host.js'));

describe.runIf(process.platform === 'linux')(
  'electron-builder --dir pack with a stand-in Electron',
  () => {
    let appOutDir = '';
    let entries: string[] = [];
    let root = '';
    afterAll(() => {
      if (root) rmSync(root, { recursive: true, force: true });
    });

    beforeAll(async () => {
      if (!built) {
        // The pack needs the build output; build it (seconds) rather than skip.
        execFileSync(
          process.execPath,
          [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
          {
            cwd: repoRoot,
            stdio: 'pipe',
          },
        );
      }
      root = mkdtempSync(join(tmpdir(), 'pack-'));
      const dist = join(root, 'electron-dist');
      fakeElectronDist(dist);
      const { build, Platform, Arch } =
        require('electron-builder') as typeof import('electron-builder');
      const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
      const output = join(root, 'dist');
      await build({
        projectDir: repoRoot,
        targets: Platform.LINUX.createTarget('dir', arch),
        publish: 'never',
        config: {
          ...loadConfig(),
          electronDist: dist,
          directories: { output, buildResources: 'build' },
        } as never,
      });
      appOutDir = join(
        output,
        readdirSync(output).find((d) => d.startsWith('linux') && d.endsWith('unpacked'))!,
      );
      const asar = require('@electron/asar') as typeof import('@electron/asar');
      entries = asar.listPackage(join(appOutDir, 'resources', 'app.asar'), { isPack: false });
    }, 180_000);

    it('holds the built processes, package.json and runtime dependencies', () => {
      for (const f of [
        '/out/main/index.js',
        '/out/main/engine-host.js',
        '/out/main/index-worker.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/package.json',
        '/node_modules/lunr/package.json',
        '/node_modules/zod/package.json',
        '/node_modules/iconv-lite/package.json',
      ]) {
        expect(entries, f).toContain(f);
      }
    });

    it('bundles the sandboxed preload as CommonJS needing only electron', () => {
      const preload = readFileSync(join(repoRoot, 'out/preload/index.cjs'), 'utf8');
      const required = [...preload.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
      expect([...new Set(required)]).toEqual(['electron']);
      expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    });

    it('holds no sources, tests, docs, corpora or dev tools', () => {
      const bad = entries.filter(
        (e) =>
          /^\/(main|renderer|preload|tests|docs|resources|build|bin|\.tmp|\.ci)\//.test(e) ||
          /\.(ts|tsx|map)$/.test(e) ||
          /^\/node_modules\/(electron|electron-builder|vitest|vite|typescript|react|playwright-core|eslint)\//.test(
            e,
          ) ||
          // The test data (a corpora folder, ../shared); libraries may have their own shared/.
          /(^|\/)corpora(\/|$)|^\/shared(\/|$)/.test(e),
      );
      expect(bad).toEqual([]);
    });

    it('ships the bundled samples beside the archive', () => {
      const samples = readdirSync(join(appOutDir, 'resources', 'samples'));
      expect(samples.filter((f) => f.endsWith('.txt')).length).toBeGreaterThanOrEqual(2);
    });

    it('renamed the binary and flipped the release fuses in it', async () => {
      const { getCurrentFuseWire } = require('@electron/fuses') as typeof import('@electron/fuses');
      const wire = (await getCurrentFuseWire(
        join(appOutDir, 'archive-reader-app'),
      )) as unknown as Record<number, number>;
      const state = Object.fromEntries(FUSE_NAMES.map((n, i) => [n, wire[i] === 49]));
      expect(state).toMatchObject({
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
        grantFileProtocolExtraPrivileges: false,
      });
    });
  },
);
