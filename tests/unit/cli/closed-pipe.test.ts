// A reader that stops reading early (`archive-reader entities | head -3`) closes the pipe
// while the command is still writing; the command line then ends quietly with status 0
// instead of dying on EPIPE with a stack trace.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { endOnClosedPipe } from '../../../main/cli/closed-pipe';

const failure = (code: string) => Object.assign(new Error(`write ${code}`), { code });

describe('endOnClosedPipe', () => {
  it('ends with status 0 when the reader closed the pipe', () => {
    const stream = new EventEmitter();
    const exits: number[] = [];
    endOnClosedPipe(stream, (status) => exits.push(status));
    stream.emit('error', failure('EPIPE'));
    expect(exits).toEqual([0]);
  });

  it('lets any other write error through', () => {
    const stream = new EventEmitter();
    const exits: number[] = [];
    endOnClosedPipe(stream, (status) => exits.push(status));
    expect(() => stream.emit('error', failure('ENOSPC'))).toThrow('write ENOSPC');
    expect(exits).toEqual([]);
  });
});
