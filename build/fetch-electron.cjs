// `npm start` / `npm run dev` first step: Electron 45+ downloads its binary on first use and
// electron-vite never triggers that, so requiring the package here does. Where the download
// cannot happen (offline), say so in one paragraph instead of Electron's stack trace.
'use strict';
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS build script
  require('electron');
} catch (e) {
  const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
  process.stderr.write(
    [
      '',
      "archive-reader: Electron's binary is not installed and could not be downloaded",
      `  (${reason}).`,
      '  The app window needs it: run `npm start` again where the network reaches',
      '  github.com, or delete node_modules/electron and reinstall there.',
      '  Without it the command line works (`npx archive-reader --help`), and so does the UI in a',
      '  browser through the test bridge (`npm run serve:e2e`, then http://127.0.0.1:5199).',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
