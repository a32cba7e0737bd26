// One way to turn anything thrown into text, shared by main, preload and the renderer.

/** The message of an Error, or the thrown value as text. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    return String(e);
  } catch {
    // A value whose toString throws (or that has none) still gets a description.
    return Object.prototype.toString.call(e);
  }
}
