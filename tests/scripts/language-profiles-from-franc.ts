// npx tsx tests/scripts/language-profiles-from-franc.ts > main/core/text/more-language-profiles.ts
// Writes the trigram profiles language detection uses beyond franc-min's 82 languages: those
// of franc (the same data, 187 languages) for written languages of news that franc-min lacks,
// and the order franc lists each script's languages in (a tie goes to the first, as in franc).
// tests/unit/core/language/more-language-profiles.test.ts checks the file against franc.
import { data as all } from 'franc/data.js';
import { data as min } from 'franc-min/data.js';
import { MORE_LANGUAGES } from '../support/more-languages';

const more: Record<string, Record<string, string>> = {};
const order: Record<string, string[]> = {};
for (const [script, profiles] of Object.entries(all)) {
  const added = Object.keys(profiles).filter((l) => MORE_LANGUAGES.includes(l));
  if (added.length === 0) continue;
  more[script] = Object.fromEntries(added.map((l) => [l, profiles[l]!]));
  const kept = new Set([...Object.keys(min[script] ?? {}), ...added]);
  order[script] = Object.keys(profiles).filter((l) => kept.has(l));
}

const lines = [
  '// Trigram profiles of languages franc-min lacks, from franc 6 (the same UDHR-based data):',
  '// written by tests/scripts/language-profiles-from-franc.ts; do not edit by hand.',
  '',
  '/** Script -> language (ISO 639-3) -> its trigrams, most frequent first, "|" between. */',
  `export const MORE_LANGUAGE_PROFILES: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(more, null, 2)};`,
  '',
  "/** Script -> franc-min's languages and these, in franc's order (ties go to the first). */",
  `export const PROFILE_ORDER: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(order, null, 2)};`,
  '',
];
process.stdout.write(lines.join('\n'));
