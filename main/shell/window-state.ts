// Remembers the window's size and position in userData, and puts it back only where a
// display can show it (a monitor may have been unplugged since).
import { readFileSync } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
const MIN = { width: 640, height: 420 };
/** How much of the window must be on a display for the saved position to be kept. */
const MIN_VISIBLE = { width: 120, height: 40 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Fits saved bounds to the displays' work areas: keeps the position when enough of the
 * window is visible on some display, otherwise centres it on the primary display; the size
 * never exceeds the work area it lands on.
 */
export function clampBounds(saved: unknown, workAreas: Rect[]): WindowBounds {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const s = isBounds(saved) ? saved : null;
  const width = Math.max(MIN.width, Math.round(s?.width ?? DEFAULT_SIZE.width));
  const height = Math.max(MIN.height, Math.round(s?.height ?? DEFAULT_SIZE.height));
  const maximized = s?.maximized === true;

  if (s && s.x !== undefined && s.y !== undefined) {
    const rect = { x: Math.round(s.x), y: Math.round(s.y), width, height };
    const host = workAreas.find((area) => {
      const o = overlap(rect, area);
      return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
    });
    if (host) {
      const w = Math.min(width, host.width);
      const h = Math.min(height, host.height);
      // Keep the title bar reachable: never above the work area's top edge.
      const x = Math.min(
        Math.max(rect.x, host.x - w + MIN_VISIBLE.width),
        host.x + host.width - MIN_VISIBLE.width,
      );
      const y = Math.min(Math.max(rect.y, host.y), host.y + host.height - MIN_VISIBLE.height);
      return { x, y, width: w, height: h, maximized };
    }
  }
  const w = Math.min(width, primary.width);
  const h = Math.min(height, primary.height);
  return {
    x: primary.x + Math.round((primary.width - w) / 2),
    y: primary.y + Math.round((primary.height - h) / 2),
    width: w,
    height: h,
    maximized,
  };
}

function isBounds(v: unknown): v is WindowBounds {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Record<string, unknown>;
  const num = (k: string) =>
    b[k] === undefined || (typeof b[k] === 'number' && Number.isFinite(b[k]));
  return (
    typeof b.width === 'number' &&
    typeof b.height === 'number' &&
    Number.isFinite(b.width) &&
    Number.isFinite(b.height) &&
    num('x') &&
    num('y')
  );
}

/** Reads saved bounds; anything unreadable counts as nothing saved. */
export function loadWindowState(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    // First run, or a damaged file: the window opens at the default size.
    return null;
  }
}

/** Saves bounds through a temp file so a crash never leaves half a file. */
export async function saveWindowState(file: string, bounds: WindowBounds): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(bounds));
  await rename(tmp, file);
}
