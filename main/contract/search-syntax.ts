// The search operators people are told about, once: the search field's help shows this list
// and a unit test holds the README's table to it, so the two cannot drift apart. The query
// parser (main/core/search/query/) is what makes each line true.

/** One operator: what to type (one or more equivalent forms), and what it finds. */
export interface SearchSyntaxEntry {
  forms: readonly string[];
  meaning: string;
}

export const SEARCH_SYNTAX: readonly SearchSyntaxEntry[] = [
  { forms: ['iran nuclear'], meaning: 'articles with all the words, best matches first' },
  { forms: ['iran OR iraq'], meaning: 'either word' },
  { forms: ['(iran OR iraq) talks'], meaning: 'parentheses group alternatives' },
  { forms: ['-iraq', 'NOT iraq'], meaning: 'leave out articles with this word' },
  {
    forms: ['"nuclear talks"'],
    meaning: 'these words as written (not other forms), next to each other, in this order',
  },
  { forms: ['"Greene"'], meaning: 'the word as written: not “Green” or “Greenes”' },
  { forms: ['title:talks'], meaning: 'only in titles (also body:, place:, tags:)' },
  { forms: ['tag:"middle east"'], meaning: 'articles carrying a tag' },
  {
    forms: ['collection:sport'],
    meaning: 'articles from a collection (the folder they came from)',
  },
  {
    forms: ['person:"tony blair"', 'org:reuters'],
    meaning: 'articles naming a person or an organisation (English articles)',
  },
  {
    forms: ['date:2004', 'date:2004-03-01..2004-06-30', 'date:>2010'],
    meaning: 'articles dated then, by their own date (a year, month, day or range)',
  },
  { forms: ['note:budget'], meaning: 'in your notes (highlight: in highlighted passages)' },
  {
    forms: ['has:notes', 'has:highlights'],
    meaning: 'articles you wrote notes on, or highlighted',
  },
  { forms: ['econ*'], meaning: 'words starting with “econ”' },
  { forms: ['footbal~1'], meaning: 'fuzzy: one letter may differ' },
  { forms: ['nuclear^3'], meaning: 'counts this word three times as much' },
  { forms: ['+word'], meaning: 'still accepted: the word must appear' },
];
