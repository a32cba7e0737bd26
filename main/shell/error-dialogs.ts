// What the user sees when the library cannot be opened, and the ways forward offered.
// Pure, so the wording and button order are tested; index.ts shows it with dialog.showMessageBox.
import type { ErrorCode } from '../contract/types';

export type OpenFailureChoice = 'retry' | 'choose' | 'quit';

export interface OpenFailureDialog {
  type: 'warning' | 'error';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** What each button means, in the same order. */
  choices: OpenFailureChoice[];
  defaultId: number;
  cancelId: number;
}

/** The dialog for a library that failed to open, by error code. */
export function openFailureDialog(
  code: ErrorCode | undefined,
  message: string,
  libraryPath: string,
): OpenFailureDialog {
  const buttons = ['Retry', 'Choose Another Library…', 'Quit'];
  const choices: OpenFailureChoice[] = ['retry', 'choose', 'quit'];
  const base = { buttons, choices, defaultId: 0, cancelId: 2 };
  switch (code) {
    case 'LOCKED':
      return {
        ...base,
        type: 'warning',
        title: 'Library in use',
        message: 'This library is open in another Archive Reader window or program.',
        detail: `${message}\n\nClose the other program and choose Retry, or open another library.\n\n${libraryPath}`,
      };
    case 'LIBRARY_VERSION':
      return {
        ...base,
        type: 'warning',
        title: 'Library from a newer version',
        message: 'This library was written by a newer version of Archive Reader.',
        detail: `${message}\n\nUpdate Archive Reader to open it, or choose another library. Nothing in it was changed.\n\n${libraryPath}`,
        defaultId: 1,
      };
    case 'LIBRARY_CORRUPT':
      return {
        ...base,
        type: 'error',
        title: 'Library damaged',
        message: 'This library folder could not be read.',
        detail: `${message}\n\n${libraryPath}`,
        defaultId: 1,
      };
    default:
      return {
        ...base,
        type: 'error',
        title: 'Library could not be opened',
        message: 'The library could not be opened.',
        detail: `${message}\n\n${libraryPath}`,
      };
  }
}
