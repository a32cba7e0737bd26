import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { argvSkip, PathQueue, pathsFromArgv } from '../../../main/shell/argv';

describe('pathsFromArgv', () => {
  const cwd = resolve('/home/u/work');

  it('resolves files and folders after the program', () => {
    expect(pathsFromArgv(['/opt/archive-reader-app', 'a.txt', 'b/', '/abs/c.txt'], cwd)).toEqual([
      resolve(cwd, 'a.txt'),
      resolve(cwd, 'b'),
      resolve('/abs/c.txt'),
    ]);
  });

  it('skips the app path when run as electron <app>', () => {
    expect(pathsFromArgv(['/x/electron', '.', 'a.txt'], cwd, argvSkip(true))).toEqual([
      resolve(cwd, 'a.txt'),
    ]);
    expect(argvSkip(false)).toBe(1);
    expect(argvSkip(undefined)).toBe(1);
  });

  it('drops Chromium switches that a second instance argv carries', () => {
    const argv = [
      '/opt/archive-reader-app',
      '--allow-file-access-from-files',
      '--original-process-start-time=13345',
      '-psn_0_12345',
      'notes.txt',
    ];
    expect(pathsFromArgv(argv, cwd)).toEqual([resolve(cwd, 'notes.txt')]);
  });

  it('treats everything after -- as a path, and accepts file:// URLs', () => {
    const url = pathToFileURL('/tmp/with space.txt').href;
    expect(pathsFromArgv(['app', '--', '-odd.txt', url], cwd)).toEqual([
      resolve(cwd, '-odd.txt'),
      resolve('/tmp/with space.txt'),
    ]);
  });

  it('ignores other URLs, empties, NUL bytes and duplicates', () => {
    expect(
      pathsFromArgv(['app', 'https://example.com/a.txt', '', 'a\0b', 'x.txt', './x.txt'], cwd),
    ).toEqual([resolve(cwd, 'x.txt')]);
  });

  it('handles a launch with no files', () => {
    expect(pathsFromArgv(['app'], cwd)).toEqual([]);
    expect(pathsFromArgv([], cwd)).toEqual([]);
  });
});

describe('PathQueue (open-file before ready, second-instance after)', () => {
  it('queues until attached, then delivers directly', () => {
    const q = new PathQueue();
    const got: string[][] = [];
    q.push(['/a.txt']);
    q.push(['/b.txt']);
    q.push([]);
    expect(got).toEqual([]);
    q.attach((p) => got.push(p));
    expect(got).toEqual([['/a.txt', '/b.txt']]);
    q.push(['/c']);
    expect(got).toEqual([['/a.txt', '/b.txt'], ['/c']]);
  });
});
