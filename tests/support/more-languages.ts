// The languages whose franc trigram profiles language detection adds to franc-min's (ISO 639-3):
// written languages of news in a script franc-min compares, that it would call another
// language (Danish and Norwegian were called Swedish).
// Left out: Nynorsk (beside Bokmål it splits Norwegian texts between the two) and Galician
// (it took a European Portuguese sentence from Portuguese).
export const MORE_LANGUAGES: readonly string[] = [
  'afr', // Afrikaans
  'als', // Albanian
  'cat', // Catalan
  'dan', // Danish
  'ekk', // Estonian
  'fin', // Finnish
  'lit', // Lithuanian
  'lvs', // Latvian
  'mkd', // Macedonian
  'nob', // Norwegian Bokmål
  'slk', // Slovak
  'slv', // Slovenian
];
