// Number formatting for people: grouped thousands, fixed decimals.

// Intl.NumberFormat costs a fresh process about 11 ms to make (ICU's locale data), more than
// the rest of `--help`: whole numbers, all that counts and limits are, are grouped by hand the
// same way, and the formatter is made only for anything else.
let grouped: Intl.NumberFormat | undefined;
const THOUSANDS = /\B(?=(\d{3})+$)/g;

/** 2225 -> "2,225". */
export const formatCount = (n: number): string =>
  Number.isSafeInteger(n)
    ? `${n < 0 || Object.is(n, -0) ? '-' : ''}${String(Math.abs(n)).replace(THOUSANDS, ',')}`
    : (grouped ??= new Intl.NumberFormat('en-US')).format(n);

/** "1 article" / "2 articles". */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** Bytes as B, KB or MB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
