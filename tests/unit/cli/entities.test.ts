// archive-reader entities and the entities of show --json: the CLI spawned from source.

import { beforeAll, describe, expect, it } from 'vitest';
import { writeArticles } from '../core/library-helpers';
import { cliOnNewLibrary, json, ok, tempDir } from './run-cli';

const { cli } = cliOnNewLibrary('ar-cli-entities-lib-');

interface Imported {
  imported: { id: string; path: string }[];
}
interface Listed {
  entities: { name: string; type: string; count: number }[];
}
interface Shown {
  entities: { people: string[]; organisations: string[]; places: string[] };
}

const HARBOUR = [
  'Harbour plan approved',
  '',
  'OSLO, May 3 (Reuters) - The Norwegian Port Authority approved a plan on Tuesday to deepen the',
  'harbour, its chairman Henrik Dahl said.',
  '',
  'Mr Dahl told reporters the work would start in spring. Vestland Shipping Group welcomed it.',
].join('\n');

const MINISTER = [
  'Minister visits the harbour',
  '',
  'Transport Minister Ingrid Solberg visited the new quay in Bergen on Monday. Ms Solberg met',
  "Henrik Dahl, whose Norwegian Port Authority runs it. Solberg's visit was brief.",
].join('\n');

// Arabic: places from the gazetteer and the dateline; no people or organisations.
const ARABIC = [
  'وزير يزور الميناء',
  '',
  'الرياض - زار الوزير ميناء جدة يوم الاثنين بعد عودته من القاهرة، وقال إن العمل سيبدأ قريبا.',
].join('\n');

describe('archive-reader entities', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const src = tempDir('ar-cli-entities-src-');
    writeArticles(src, { 'harbour.txt': HARBOUR, 'minister.txt': MINISTER, 'arabic.txt': ARABIC });
    const run = ok(await cli('import', src, '--json'));
    for (const e of json<Imported>(run).imported) {
      ids[e.path.split(/[\\/]/).pop()!.replace('.txt', '')] = e.id;
    }
  }, 60_000);

  it('show --json gains people, organisations and places, names normalised', async () => {
    const shown = json<Shown>(ok(await cli('show', ids.minister!, '--json')));
    expect(shown.entities.people).toEqual(['Ingrid Solberg', 'Henrik Dahl']);
    expect(shown.entities.organisations).toEqual(['Norwegian Port Authority']);
    expect(shown.entities.places).toEqual(['Bergen']);
    const harbour = json<Shown>(ok(await cli('show', ids.harbour!, '--json')));
    expect(harbour.entities.people).toEqual(['Henrik Dahl']);
    expect(harbour.entities.places).toContain('Oslo');
    expect(harbour.entities.organisations).toEqual(
      expect.arrayContaining(['Norwegian Port Authority', 'Vestland Shipping Group']),
    );
  });

  it('show --json of an Arabic article names places only', async () => {
    const shown = json<Shown>(ok(await cli('show', ids.arabic!, '--json')));
    expect(shown.entities.people).toEqual([]);
    expect(shown.entities.organisations).toEqual([]);
    expect(shown.entities.places).toEqual(['Riyadh', 'Jeddah', 'Cairo']);
  });

  it('--json lists every entity with its type and article count, exact names', async () => {
    const { entities } = json<Listed>(ok(await cli('entities', '--json')));
    expect(entities[0]).toEqual({ name: 'Henrik Dahl', type: 'person', count: 2 });
    expect(entities).toContainEqual({
      name: 'Norwegian Port Authority',
      type: 'organisation',
      count: 2,
    });
    expect(entities).toContainEqual({ name: 'Riyadh', type: 'place', count: 1 });
    for (const e of entities) expect(Object.keys(e).sort()).toEqual(['count', 'name', 'type']);
  });

  it('--type keeps one type; a bad type is a usage error', async () => {
    const { entities } = json<Listed>(ok(await cli('entities', '--type', 'place', '--json')));
    expect(entities.length).toBeGreaterThan(0);
    expect(entities.every((e) => e.type === 'place')).toBe(true);
    const bad = await cli('entities', '--type', 'people');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--type must be one of person, organisation, place');
  });

  it('prints a table for people', async () => {
    const out = ok(await cli('entities', '--type', 'person')).stdout;
    expect(out.split('\n')[0]).toMatch(/^NAME\s+TYPE\s+ARTICLES$/);
    expect(out).toMatch(/Henrik Dahl\s+person\s+2/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('2 entities');
  });

  it('search person:, org: and place: find the articles naming them', async () => {
    const ids1 = (q: string) =>
      cli('search', q, '--json').then((r) =>
        json<{ hits: { id: string }[] }>(ok(r))
          .hits.map((h) => h.id)
          .sort(),
      );
    expect(await ids1('person:dahl')).toEqual([ids.harbour!, ids.minister!].sort());
    expect(await ids1('person:"ingrid solberg"')).toEqual([ids.minister!]);
    expect(await ids1('org:"vestland shipping"')).toEqual([ids.harbour!]);
    expect(await ids1('place:bergen')).toEqual([ids.minister!]);
    expect(await ids1('place:riyadh')).toEqual([ids.arabic!]);
    expect(await ids1('person:dahl -place:bergen')).toEqual([ids.harbour!]);
  });

  it('follows the trash', async () => {
    ok(await cli('remove', ids.minister!));
    const { entities } = json<Listed>(ok(await cli('entities', '--json')));
    expect(entities).toContainEqual({ name: 'Henrik Dahl', type: 'person', count: 1 });
    expect(entities.some((e) => e.name === 'Ingrid Solberg')).toBe(false);
  });
});
