// electron-builder configuration: installers for Linux (AppImage, deb), Windows (NSIS) and
// macOS (dmg). Only the built app (out/) and runtime dependencies go into app.asar.
// ARCHIVE_READER_TEST_BUILD=1 builds the variant the Playwright _electron tests need.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config file
const { electronFuses } = require('./build/fuses.cjs');

const testBuild = process.env.ARCHIVE_READER_TEST_BUILD === '1';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.archivereader.app',
  productName: 'Archive Reader',
  executableName: 'archive-reader-app',
  copyright: 'Copyright © Archive Reader developers',
  directories: { output: 'dist', buildResources: 'build' },
  asar: true,
  files: [
    'out/**/*',
    'package.json',
    '!**/*.map',
    '!**/*.{ts,tsx,md,markdown}',
    '!**/{test,tests,__tests__,docs,example,examples,bench,benchmark}/**',
    '!**/.{github,vscode,idea}/**',
  ],
  extraResources: [{ from: 'resources/samples', to: 'samples', filter: ['**/*.txt'] }],
  icon: 'resources/icon.png',
  electronFuses: electronFuses(testBuild),
  fileAssociations: [
    {
      ext: ['txt'],
      name: 'Text article',
      description: 'Plain-text article',
      mimeType: 'text/plain',
      role: 'Viewer',
      rank: 'Alternate',
    },
  ],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'resources/icons',
    synopsis: 'Offline reader for archives of articles',
    maintainer: 'Archive Reader developers <maintainers@archivereader.org>',
    mimeTypes: ['text/plain'],
  },
  deb: { depends: ['libnss3', 'libgtk-3-0', 'libxss1', 'libasound2 | libasound2t64'] },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  win: { target: ['nsis'], icon: 'resources/icon.ico' },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  mac: {
    target: ['dmg'],
    icon: 'resources/icon.icns',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  publish: null,
};
