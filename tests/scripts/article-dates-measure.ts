// Share of articles whose own date is found, per corpus, with a sample to check by hand.
// Reuters-21578 is measured twice: as the benchmark writes it (title and body only) and as the
// collection lays a story out (its date line, the title, then dateline and body).
// Usage: npx tsx tests/scripts/article-dates-measure.ts [SAMPLE]
import { readJsonl, bbcDocs } from '../bench/corpus/sources';
import { parseArticle } from '../../main/core/text/parse-article';
import {
  bbcDir,
  hasShared,
  reutersJsonl,
  saudiJsonl,
  sharedSkipReason,
} from '../support/shared-data';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

interface Row {
  corpus: string;
  texts: string[];
}

async function corpora(): Promise<Row[]> {
  const bbc = (await bbcDocs(bbcDir)).map((d) => d.text);
  const reuters = await readJsonl(reutersJsonl, (r) => r);
  const plain = reuters
    .map((r) => [str(r.title), str(r.body)].filter(Boolean).join('\n\n'))
    .filter(Boolean);
  const laidOut = reuters
    .filter((r) => str(r.title) || str(r.body))
    .map((r) => `${str(r.date)}\n${str(r.title)}\n\n${str(r.dateline)} ${str(r.body)}\n`);
  const saudi = await readJsonl(
    saudiJsonl,
    (r) => [str(r.title), str(r.content)].filter(Boolean).join('\n\n') || null,
  );
  return [
    { corpus: 'BBC (files as they are)', texts: bbc },
    { corpus: 'Reuters (title + body)', texts: plain },
    { corpus: 'Reuters (date line, title, dateline + body)', texts: laidOut },
    { corpus: 'SaudiNewsNet (title + content)', texts: saudi },
  ];
}

async function main(): Promise<void> {
  if (!hasShared) {
    process.stderr.write(`${sharedSkipReason}\n`);
    return;
  }
  const sample = Number(process.argv[2] ?? 5);
  for (const { corpus, texts } of await corpora()) {
    const started = performance.now();
    const dated: { date: string; text: string }[] = [];
    for (const text of texts) {
      const date = parseArticle(text).articleDate;
      if (date) dated.push({ date, text });
    }
    const ms = performance.now() - started;
    const share = ((100 * dated.length) / texts.length).toFixed(1);
    process.stdout.write(
      `${corpus}: ${dated.length} of ${texts.length} dated (${share}%), ${ms.toFixed(0)} ms parse\n`,
    );
    const step = Math.max(1, Math.floor(dated.length / sample));
    for (let i = 0; i < dated.length && i / step < sample; i += step) {
      const { date, text } = dated[i]!;
      process.stdout.write(`  ${date}  ${text.slice(0, 160).replace(/\s+/g, ' ')}\n`);
    }
  }
}

void main();
