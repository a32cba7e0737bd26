// Where the app keeps its state: Electron's userData folder, computed without Electron so the
// command line finds the same folder (and the same chosen library) as the app.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const APP_NAME = 'Archive Reader';

/** The environment variable that moves the app's state elsewhere (tests, several profiles). */
export const USER_DATA_ENV = 'ARCHIVE_READER_USER_DATA';

/** ARCHIVE_READER_USER_DATA as an absolute path, or null when unset or blank. */
export function userDataOverride(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string | null {
  const value = env[USER_DATA_ENV];
  return value !== undefined && value.trim() !== '' ? resolve(cwd, value) : null;
}

/**
 * Electron's `app.getPath('userData')` for this app on `platform`, or the folder named by
 * ARCHIVE_READER_USER_DATA, which the app hands to `app.setPath` as well.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  const override = userDataOverride(env);
  if (override) return override;
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
