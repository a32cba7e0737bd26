// Where the library lives: Electron's userData folder, computed without Electron.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const APP_NAME = 'Archive Reader';

/** Electron's `app.getPath('userData')` for this app, for the current platform. */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  const config =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.trim() !== ''
      ? env.XDG_CONFIG_HOME
      : join(home, '.config');
  return join(config, APP_NAME);
}

/** The default library folder: `<userData>/library`. */
export function defaultLibraryDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return join(userDataDir(platform, env, home), 'library');
}

/** The library to open: `--library DIR` beats ARCHIVE_READER_LIBRARY beats the default. */
export function resolveLibraryDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag && flag.trim() !== '') return resolve(flag);
  const fromEnv = env.ARCHIVE_READER_LIBRARY;
  if (fromEnv && fromEnv.trim() !== '') return resolve(fromEnv);
  return defaultLibraryDir(process.platform, env);
}
