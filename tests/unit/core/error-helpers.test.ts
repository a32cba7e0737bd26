import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../main/contract/error-message';
import { errnoCode, isErrno } from '../../../main/core/errno';
import { ArchiveError } from '../../../main/core/errors';

const sysError = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: failed`), { code, errno: -2, syscall: 'open' });

describe('errorMessage', () => {
  it('gives the message of an Error and the text of anything else', () => {
    expect(errorMessage(new TypeError('bad type'))).toBe('bad type');
    expect(errorMessage(new ArchiveError('IO', 'disk trouble'))).toBe('disk trouble');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });

  it('describes values whose toString throws or is missing instead of throwing', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(errorMessage(hostile)).toBe('[object Object]');
    expect(errorMessage(Object.create(null))).toBe('[object Object]');
  });
});

describe('isErrno', () => {
  it('recognises system errors, with or without the expected code', () => {
    const e = sysError('ENOENT');
    expect(isErrno(e)).toBe(true);
    expect(isErrno(e, 'ENOENT')).toBe(true);
    expect(isErrno(e, 'EACCES')).toBe(false);
    expect(isErrno(e, ['EACCES', 'ENOENT'])).toBe(true);
    expect(errnoCode(e)).toBe('ENOENT');
  });

  it('does not take engine errors, Node ERR_ codes or non-objects for system errors', () => {
    expect(isErrno(new ArchiveError('NOT_FOUND', 'gone'))).toBe(false);
    expect(isErrno(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false);
    expect(isErrno('ENOENT')).toBe(false);
    expect(isErrno(null)).toBe(false);
    expect(errnoCode(new Error('plain'))).toBeUndefined();
  });
});
