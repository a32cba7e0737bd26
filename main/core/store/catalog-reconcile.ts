// What a catalogue load must repair: which article files to read and which records to drop,
// given the records after the journal and the ids that have files.
export interface Repairs {
  /** Ids whose files must be read (new, unfinished, or all of them in a full scan). */
  read: string[];
  /** Ids to forget: records without files, and unfinished ids whose files are gone. */
  del: string[];
  /** True when the record ids already match the files exactly. */
  same: boolean;
}

/** Compares record ids with file ids; the common case (they match) builds no Set. */
export function planRepairs(
  records: ReadonlyMap<string, unknown>,
  diskIds: readonly string[],
  pending: ReadonlySet<string>,
  fullScan: boolean,
): Repairs {
  let known = 0;
  for (const id of diskIds) if (records.has(id)) known++;
  // File names are unique ids, so equal counts and full overlap mean equal sets.
  const same = known === diskIds.length && known === records.size;
  if (same) {
    const del = [...pending].filter((id) => !records.has(id));
    const read = fullScan ? [...diskIds] : [...pending].filter((id) => records.has(id));
    return { read, del, same };
  }
  const onDisk = new Set(diskIds);
  const del = [...pending].filter((id) => !onDisk.has(id));
  for (const id of records.keys()) if (!onDisk.has(id)) del.push(id);
  const read = diskIds.filter((id) => fullScan || !records.has(id) || pending.has(id));
  return { read, del, same };
}
