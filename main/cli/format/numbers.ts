// Number formatting for people: grouped thousands, fixed decimals.

const grouped = new Intl.NumberFormat('en-US');

/** 2225 -> "2,225". */
export const formatCount = (n: number): string => grouped.format(n);

/** "1 article" / "2 articles". */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** Bytes as B, KB or MB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
