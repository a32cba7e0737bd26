// "N versions": how many versions of its story the library holds, on list rows.

/** The words of the badge, for labels that must match it. */
export const versionsLabel = (count: number): string => `${count} versions`;

/** A small label beside a row's title; shown only for articles with other versions. */
export function VersionsBadge({ count }: { count: number }) {
  return (
    <span className="versions-badge" title={`${versionsLabel(count)} of this story in the library`}>
      {versionsLabel(count)}
    </span>
  );
}
