// Paragraphs rebuilt from hard-wrapped text; lists, tables, verse and code kept as lines.
import { describe, expect, it } from 'vitest';
import { CLEANER_VERSION, cleanArticle } from '../../../main/core/text/parse-article';
import { joinWrapped } from '../../../main/core/text/reflow';

/** The body's blocks, as the reader shows them (one <p> each). */
const blocks = (text: string): string[] => cleanArticle(`Title\n\n${text}`).body.split('\n\n');

/** Wraps prose at `width` columns the way a mail or wire program does. */
function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(' ')) {
    if (line.trim() && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line.trim() ? `${line} ${word}` : `${line}${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

const P1 =
  'Showers continued throughout the week in the cocoa zone, alleviating the drought since early January and improving prospects for the coming harvest, although normal humidity levels have not been restored, the exporters said in their weekly review.';
const P2 =
  'Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative total for the season of 5.93 mln against 5.81 at the same stage last year.';
const P3 = 'The dry period means the harvest will be late this year.';

describe('paragraphs from hard-wrapped text', () => {
  it('is format 2 of the clean body', () => {
    expect(CLEANER_VERSION).toBe(2);
  });

  it('joins wrapped lines; an indented line starts a paragraph (wire copy)', () => {
    const text = [wrap(P1, 64), wrap(P3, 64, '    '), wrap(P2, 64, '    ')].join('\n');
    expect(text.split('\n').length).toBeGreaterThan(7);
    expect(blocks(text)).toEqual([P1, P3, P2]);
  });

  it('joins wrapped lines between blank lines (mail archives)', () => {
    expect(blocks(`${wrap(P1, 70)}\n\n${wrap(P2, 70)}\n`)).toEqual([P1, P2]);
  });

  it('ends a paragraph at a short line that ends a sentence', () => {
    const text = `${wrap(P1, 66)}\nShort closing sentence.\n${wrap(P2, 66)}`;
    expect(blocks(text)).toEqual([`${P1} Short closing sentence.`.replace(/\s+/g, ' '), P2]);
    const p = `${wrap(P2, 66)}\n${wrap(P1, 66)}`;
    expect(blocks(p)).toEqual([P2, P1]);
  });

  it('does not end a paragraph at initials or a title (U.S., Mr.)', () => {
    const text = wrap(`The Panama Canal Commission, a U.S. ${P1}`, 36).replace(
      'a U.S. ',
      'a U.S.\n',
    );
    expect(text.split('\n')[0]).toBe('The Panama Canal Commission, a U.S.');
    expect(blocks(text)).toEqual([`The Panama Canal Commission, a U.S. ${P1}`]);
  });

  it('leaves text that is not hard-wrapped alone: one line, one paragraph', () => {
    const long = `${P1} ${P2}`;
    const text = [long, P3, long, 'Another line without an end', long].join('\n');
    expect(blocks(text)).toEqual([long, P3, long, 'Another line without an end', long]);
  });

  it('keeps lists as lines, joining an item wrapped onto an indented line', () => {
    const text = [
      wrap(P1, 66),
      '',
      '- first point of the list',
      '- a second point that is long enough to be wrapped by the program onto',
      '  the next line',
      '* third',
      '',
      '1. one',
      '2) two',
      '',
      wrap(P2, 66),
    ].join('\n');
    expect(blocks(text)).toEqual([
      P1,
      '- first point of the list\n- a second point that is long enough to be wrapped by the program onto the next line\n* third',
      '1. one\n2) two',
      P2,
    ]);
  });

  it('keeps tables of figures and aligned columns as lines', () => {
    const table = [
      '    Shr 34 cts vs 1.19 dlrs',
      '    Net 807,000 vs 2,858,000',
      '    Assets 510.2 mln vs 479.7 mln',
    ];
    const aligned = [
      'Region      2023    2024',
      'North        1.5     2.5',
      'South        3.0     1.0',
    ];
    const text = [wrap(P1, 66), ...table, '', ...aligned, '', wrap(P2, 66)].join('\n');
    const got = blocks(text);
    expect(got[0]).toBe(P1);
    expect(got[1]!.split('\n').map((l) => l.trim())).toEqual(table.map((l) => l.trim()));
    expect(got[2]).toBe(aligned.join('\n'));
    expect(got[3]).toBe(P2);
  });

  it('keeps verse as lines, stanza by stanza', () => {
    const stanza1 = [
      'The sea is calm tonight,',
      'The tide is full, the moon lies fair',
      'Upon the straits; on the French coast the light',
      'Gleams and is gone; the cliffs of England stand',
    ];
    const stanza2 = [
      'Come to the window, sweet is the night-air!',
      'Only, from the long line of spray',
    ];
    const text = [...stanza1, '', ...stanza2, '', 'Another stanza', 'of three', 'short lines.'];
    expect(blocks(text.join('\n'))).toEqual([
      stanza1.join('\n'),
      stanza2.join('\n'),
      'Another stanza\nof three\nshort lines.',
    ]);
    // Verse inside hard-wrapped prose stays verse.
    const mixed = blocks([wrap(P1, 66), '', ...stanza1, '', wrap(P2, 66)].join('\n'));
    expect(mixed).toEqual([P1, stanza1.join('\n'), P2]);
  });

  it('joins a short wrapped paragraph in a file that also holds a list, a table and verse', () => {
    const text = [
      'The harbour authority published its weekly figures on Monday, showing that',
      'traffic through the port rose for the third week in a row while waiting',
      'times for container ships fell sharply, officials said in a statement.',
      '',
      '- Cranes: 12 in service',
      '- Tugs: 4 in service, one of them held back for the',
      '  storm season',
      '',
      'Region      2023    2024',
      'North        1.5     2.5',
      '',
      'The sea is calm tonight,',
      'The tide is full, the moon lies fair',
      'Upon the straits; on the French coast the light',
      '',
    ].join('\n');
    expect(blocks(text)).toEqual([
      'The harbour authority published its weekly figures on Monday, showing that traffic through the port rose for the third week in a row while waiting times for container ships fell sharply, officials said in a statement.',
      '- Cranes: 12 in service\n- Tugs: 4 in service, one of them held back for the storm season',
      'Region      2023    2024\nNorth        1.5     2.5',
      'The sea is calm tonight,\nThe tide is full, the moon lies fair\nUpon the straits; on the French coast the light',
    ]);
  });

  it('joins wrapped CJK lines without a space, and Arabic lines with one', () => {
    const zh =
      '上海证券交易所周一表示，今年第一季度的成交量比去年同期增长了百分之二十，主要原因是外国投资者的大量买入。分析人士认为，这一趋势将在今后几个月内继续，但也提醒投资者注意风险。';
    const zhLines = [...zh].reduce<string[]>((acc, ch, i) => {
      if (i % 30 === 0) acc.push('');
      acc[acc.length - 1] += ch;
      return acc;
    }, []);
    expect(zhLines.length).toBeGreaterThan(2);
    expect(blocks(`${zhLines.join('\n')}\n\n${zhLines.join('\n')}`)).toEqual([zh, zh]);
    const ar =
      'قال رئيس الوزراء في مؤتمر صحفي عقده اليوم إن الحكومة ستعمل على خفض الأسعار وزيادة الرواتب خلال الأشهر المقبلة، مؤكدا أن الاقتصاد يسير في الاتجاه الصحيح رغم الصعوبات الكبيرة.';
    expect(blocks(`${wrap(ar, 60)}\n\n${wrap(ar, 60)}`)).toEqual([ar, ar]);
  });

  it('keeps the hyphen of a word broken at a line end; drops a soft hyphen', () => {
    expect(joinWrapped('a well-', 'known case')).toBe('a well-known case');
    expect(joinWrapped('an extra\u00ad', 'ordinary day')).toBe('an extraordinary day');
    expect(joinWrapped('prices --', 'up')).toBe('prices -- up');
    expect(joinWrapped('中文', '文字')).toBe('中文文字');
    expect(joinWrapped('price of 5', 'dollars')).toBe('price of 5 dollars');
  });

  it('keeps Markdown structure: headings, fenced code, quotes, hard breaks', () => {
    const md = [
      '# Heading',
      wrap(P1, 72),
      '',
      '```',
      'const x = 1;',
      '',
      '    indented();',
      '```',
      '',
      '> quoted line one',
      '> quoted line two',
      '',
      'Line with a hard break  ',
      'after it.',
    ].join('\n');
    expect(cleanArticle(`Doc\n\n${md}`).body.split('\n\n')).toEqual([
      '# Heading',
      P1,
      '```\nconst x = 1;\n \n    indented();\n```',
      '> quoted line one\n> quoted line two',
      'Line with a hard break',
      'after it.',
    ]);
  });

  it('handles a large file with no blank line in one pass', () => {
    const para = wrap(P1, 64).replace(/^/, '    ');
    const text = Array.from({ length: 40_000 }, () => para).join('\n');
    const started = performance.now();
    const got = blocks(text);
    expect(got).toHaveLength(40_000);
    expect(got[39_999]).toBe(P1);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('loses no text: the words of the body are those of the file', () => {
    const text = [wrap(P1, 60), wrap(P2, 60, '    '), '- a', '- b', wrap(P3, 60, '    ')].join(
      '\n',
    );
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(cleanArticle(`Title\n\n${text}`).body)).toEqual(words(text));
  });
});
