// `npm start` / `npm run dev` first step: Electron 45+ downloads its binary on first use and
// electron-vite never triggers that, so this does. Where the download cannot happen (offline),
// say so in one paragraph and one line naming the cause, instead of the installer's stack trace.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS build script */
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

// The tests point this at a stand-in package whose installer fails.
const electronDir =
  process.env.ARCHIVE_READER_ELECTRON_DIR || dirname(require.resolve('electron/package.json'));

/** Whether Electron's binary is where its package looks for it. */
function installed() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/** The installer's error in one line: its first error message, and the cause when it names one. */
function underlyingError(output) {
  const lines = output.split('\n').map((l) => l.trim());
  const error = lines.find((l) => /^[A-Za-z]*Error\b/.test(l) || /^\[cause\]/.test(l));
  const cause = lines
    .map((l) => /^\[cause\]:\s*(.*?)\s*\{?$/.exec(l) ?? /^code:\s*'([^']+)'/.exec(l))
    .find((m) => m !== null);
  const first = error
    ? error.replace(/^\[cause\]:\s*/, '')
    : lines.find((l) => l) || 'unknown error';
  return cause && !first.includes(cause[1]) ? `${first} (${cause[1]})` : first;
}

if (!installed()) {
  process.stdout.write("Downloading Electron's binary (first run only)…\n");
  const run = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (run.status !== 0 || !installed()) {
    const output = `${run.stderr || ''}\n${run.stdout || ''}`;
    const reason = run.error ? run.error.message : underlyingError(output);
    process.stderr.write(
      [
        '',
        "archive-reader: Electron's binary is not installed and could not be downloaded.",
        '  The app window needs it: run `npm start` again where the network reaches',
        '  github.com, or delete node_modules/electron and reinstall there.',
        '  Without it the command line works (`npx archive-reader --help`), and so does the UI in a',
        '  browser: `npm run serve:browser -- <library folder>` prints the address to open.',
        `  Underlying error: ${reason}`,
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
}
