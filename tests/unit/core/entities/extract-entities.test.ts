// The entity extractor on texts written for these tests: English names by type, places from
// datelines in any language, and the gazetteer for Arabic, Persian and other languages.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../../main/core/entities/extract-entities';
import { scanGazetteer } from '../../../../main/core/entities/scan-gazetteer';
import { findNameRuns } from '../../../../main/core/entities/name-runs';

describe('extractEntities (English)', () => {
  it('tells people, organisations and places apart', () => {
    const e = extractEntities(
      [
        'Rail strike talks collapse',
        '',
        'Union leader Margaret Holloway walked out of talks with Northern Rail Group in Leeds on',
        'Friday. The National Union of Rail Workers said the offer was "an insult". Ms Holloway',
        'will meet the Transport Secretary, Peter Ashworth, in London next week.',
      ].join('\n'),
      'en',
      null,
    );
    expect(e.people).toEqual(['Margaret Holloway', 'Peter Ashworth']);
    expect(e.organisations).toEqual(
      expect.arrayContaining(['Northern Rail Group', 'National Union of Rail Workers']),
    );
    expect(e.places).toEqual(['Leeds', 'London']);
  });

  it('drops offices and titles of address from names', () => {
    const e = extractEntities(
      'Foreign Secretary Alan Whitcombe met Prime Minister Sofia Marchetti. Dr Whitcombe said little.',
      'en',
      null,
    );
    expect(e.people).toEqual(['Alan Whitcombe', 'Sofia Marchetti']);
  });

  it('keeps ranks that are part of how a person is named', () => {
    const e = extractEntities(
      'Prince Albertus opened the bridge. Later Albertus left.',
      'en',
      null,
    );
    expect(e.people).toEqual(['Prince Albertus']);
  });

  it('splits names joined by "and" and cut by a day of the week', () => {
    const e = extractEntities(
      'The report was written by Helen Okafor and Daniel Brandt for the Fiscal Studies Council on Monday.',
      'en',
      null,
    );
    expect(e.people).toEqual(['Helen Okafor', 'Daniel Brandt']);
    expect(e.organisations).toEqual(['Fiscal Studies Council']);
  });

  it('keeps lower-case particles of names and splits "and" after an office', () => {
    const e = extractEntities(
      [
        'Interior Minister Karim al-Haddad met President Nadia el-Masri in the capital.',
        'Crowds honoured Colonel Yusuf Karaman and Abu Tariq al-Rashidi, killed in 2019.',
        'Millions of Shiite Muslims and Tamil Islamists marked the day.',
        'Trade and Industry Secretary Patricia Hewitt spoke later.',
      ].join(' '),
      'en',
      null,
    );
    expect(e.people).toEqual(
      expect.arrayContaining([
        'Karim al-Haddad',
        'Nadia el-Masri',
        'Yusuf Karaman',
        'Abu Tariq al-Rashidi',
        'Patricia Hewitt',
      ]),
    );
    expect(e.people).not.toContain('Shiite Muslims');
    expect(e.people).not.toContain('Tamil Islamists');
    expect(e.people.some((p) => p.includes(' and '))).toBe(false);
    expect(e.organisations).not.toContain('Deputy Minister for Security');
  });

  it('reads a name the text gives an acronym for, and the acronym later', () => {
    const e = extractEntities(
      'Shares of Consolidated Mining Corporation (CMC) fell. Analysts said CMC would recover.',
      'en',
      null,
    );
    expect(e.organisations).toEqual(['Consolidated Mining Corporation']);
  });

  it('ignores words capitalised only because they open a sentence', () => {
    const e = extractEntities(
      'However the plan failed. Earlier, prices rose. Yesterday nobody came.',
      'en',
      null,
    );
    expect(e).toEqual({ people: [], organisations: [], places: [] });
  });

  it('gives places one name whatever the spelling', () => {
    const e = extractEntities(
      'Talks between the U.S. and Britain resumed; the US envoy flew to the UK.',
      'en',
      null,
    );
    expect(e.places).toEqual(['United States', 'United Kingdom']);
  });

  it('adds the dateline place, in ordinary capitals', () => {
    expect(extractEntities('Markets were calm.', 'en', 'ROTTERDAM').places).toEqual(['Rotterdam']);
    expect(extractEntities('Markets were calm.', 'en', 'WASHINGTON').places).toEqual([
      'Washington',
    ]);
  });

  it('reads no names from text in capitals', () => {
    const e = extractEntities('OIL PRICES FALL AS OPEC MEETS IN VIENNA ON MONDAY', 'en', null);
    expect(e.people).toEqual([]);
    expect(e.organisations).toEqual([]);
  });
});

describe('extractEntities (other languages)', () => {
  it('Arabic: places from the gazetteer, with a one-letter prefix taken off', () => {
    const e = extractEntities(
      'وصل الوفد إلى بغداد قادما من طهران، ثم توجه وزير الخارجية بالطائرة إلى دمشق ولبنان.',
      'ar',
      null,
    );
    expect(e).toEqual({
      people: [],
      organisations: [],
      places: ['Baghdad', 'Tehran', 'Damascus', 'Lebanon'],
    });
  });

  it('Persian: places from the gazetteer and the dateline', () => {
    const e = extractEntities(
      'رئیس جمهور امروز در اصفهان گفت که سفر او به چین و روسیه ادامه دارد.',
      'fa',
      'تهران',
    );
    expect(e.places).toEqual(['Tehran', 'Isfahan', 'China', 'Russia']);
    expect(e.people).toEqual([]);
  });

  it('French: the gazetteer on capitalised words only, no people or organisations', () => {
    const e = extractEntities(
      'Le président Jean Dumas est arrivé à Paris après une visite au Japon et en Iran.',
      'fr',
      null,
    );
    expect(e.people).toEqual([]);
    expect(e.places).toEqual(['Paris', 'Iran']);
  });

  it('a dateline in any script is a place', () => {
    expect(extractEntities('Текст статьи.', 'ru', 'МОСКВА').places).toEqual(['Москва']);
  });
});

describe('scanGazetteer', () => {
  it('prefers the longest name and names each place once', () => {
    expect(scanGazetteer('From New York to York and back to New York.', true)).toEqual([
      'New York',
    ]);
  });
});

describe('findNameRuns', () => {
  it('ends a run at a possessive and at punctuation', () => {
    const runs = findNameRuns("Blair's aide met Gordon Brown, then Cherie Booth.");
    expect(runs.map((r) => r.words.join(' '))).toEqual(['Blair', 'Gordon Brown', 'Cherie Booth']);
    expect(runs[0]!.sentenceStart).toBe(true);
    expect(runs[1]!.sentenceStart).toBe(false);
  });

  it('keeps joining words between capitalised words', () => {
    const runs = findNameRuns('He joined the Bank of England and Marsh & McLennan.');
    expect(runs.map((r) => r.words.join(' '))).toEqual([
      'He',
      'Bank of England and Marsh & McLennan',
    ]);
  });
});
