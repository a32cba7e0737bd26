// Plain-text export: each article's original bytes, exactly as imported, in a file of its own.

/** The extension of an article's file: its source's when that is a plain one, else "txt". */
export function plainTextExtension(sourceName: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(sourceName)?.[1];
  return ext ? ext.toLowerCase() : 'txt';
}
