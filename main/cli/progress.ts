// A single updating status line on a terminal's stderr. Silent when stderr is not a
// terminal, so logs and pipes never fill with carriage returns.
import type { TextStream } from './io';
import { escapeControls } from './format/escape-controls';
import { formatCount } from './format/numbers';

const MIN_INTERVAL_MS = 80;

export class ProgressLine {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: TextStream,
    private readonly enabled: boolean = stream.isTTY === true,
    private readonly now: () => number = Date.now,
  ) {}

  /** Shows `label done/total detail`, at most every 80 ms unless `force`. */
  update(label: string, done: number, total: number, detail = '', force = false): void {
    if (!this.enabled) return;
    const t = this.now();
    if (!force && this.drawn && t - this.lastDraw < MIN_INTERVAL_MS) return;
    this.lastDraw = t;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    const head = `${label} ${formatCount(done)}/${formatCount(total)}`;
    const room = width - head.length - 1;
    const tail = detail && room > 3 ? ' ' + ellipsizeStart(escapeControls(detail), room) : '';
    this.stream.write(`\r\x1b[2K${head}${tail}`);
    this.drawn = true;
  }

  /** Erases the line so the next output starts clean. */
  clear(): void {
    if (this.enabled && this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}

/** Keeps the end of a long path, which is the informative part. */
function ellipsizeStart(text: string, max: number): string {
  return text.length <= max ? text : '…' + text.slice(text.length - max + 1);
}
