// Dates introduced by a label: "Published: 3 March 2004", "Updated …", "تاريخ النشر: …".
import { findFoldedDates, type DateReading } from './find-dates';
import { foldForDates } from './fold-text';

// Labels as written (folded when loaded), English, French, German, Spanish, Italian,
// Portuguese, Arabic, Persian.
const PUBLISHED = [
  'published',
  'first published',
  'posted',
  'date published',
  'publication date',
  'publié le',
  'publié',
  'veröffentlicht am',
  'veröffentlicht',
  'publicado el',
  'publicado em',
  'publicado',
  'pubblicato il',
  'pubblicato',
  'تاريخ النشر',
  'نشر بتاريخ',
  'نشر في',
  'تاریخ انتشار',
  'منتشر شده در',
  'منتشر شده',
];
const UPDATED = [
  'updated',
  'last updated',
  'last modified',
  'modified',
  'mis à jour le',
  'mis à jour',
  'aktualisiert am',
  'aktualisiert',
  'actualizado el',
  'actualizado',
  'aggiornato il',
  'aggiornato',
  'atualizado em',
  'آخر تحديث',
  'تم التحديث',
  'تاریخ به‌روزرسانی',
  'به‌روزرسانی',
  'به‌روز شده',
];

// Words that label a date only when a colon follows ("Date: 3 March 2004"; not "the payment
// date is March 30").
const GENERIC = ['date', 'datum', 'fecha', 'data', 'التاريخ', 'تاريخ', 'تاریخ'];

// The date must start this close after its label ("Published: Monday, 3 March 2004").
const WITHIN_CHARS = 30;

function alternation(labels: readonly string[]): string {
  return labels
    .map(foldForDates)
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

function labelPattern(labels: readonly string[], generic: readonly string[] = []): RegExp {
  const colon = generic.length ? `|(?:${alternation(generic)})\\s*:` : '';
  return new RegExp(`(?<![\\p{L}])(?:(?:${alternation(labels)})(?![\\p{L}])${colon})`, 'gu');
}

const PUBLISHED_RE = labelPattern(PUBLISHED, GENERIC);
const UPDATED_RE = labelPattern(UPDATED);

/** The first date a "Published"-style label introduces in `text`, as an ISO date. */
export function publishedDate(text: string, reading: DateReading): string | null {
  return labelled(foldForDates(text), PUBLISHED_RE, reading);
}

/** publishedDate of a text already folded by foldForDates. */
export function publishedDateIn(folded: string, reading: DateReading): string | null {
  return labelled(folded, PUBLISHED_RE, reading);
}

/** The first date an "Updated"-style label introduces in `folded` (see foldForDates). */
export function updatedDateIn(folded: string, reading: DateReading): string | null {
  return labelled(folded, UPDATED_RE, reading);
}

function labelled(folded: string, label: RegExp, reading: DateReading): string | null {
  for (const m of folded.matchAll(label)) {
    const after = folded.slice(m.index + m[0].length, m.index + m[0].length + WITHIN_CHARS + 40);
    const first = findFoldedDates(after, reading)[0];
    if (first && first.start <= WITHIN_CHARS) return first.iso;
  }
  return null;
}
