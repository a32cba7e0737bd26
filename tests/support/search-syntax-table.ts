// The README's search table as it must read: SEARCH_SYNTAX as a Markdown table, laid out as
// prettier lays out tables, so the checked file stays prettier-clean.
import { SEARCH_SYNTAX } from '../../main/contract/search-syntax';

/** SEARCH_SYNTAX as the README's Markdown table. */
export function searchSyntaxTable(): string {
  const code = (forms: readonly string[]) =>
    forms.map((f) => `\`${f.replace(/\|/g, '\\|')}\``).join(' or ');
  const rows = SEARCH_SYNTAX.map((e) => [code(e.forms), e.meaning]);
  const header = ['You type', 'Finds'];
  const width = (i: number) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(width(i))).join(' | ')} |`;
  const rule = `| ${'-'.repeat(width(0))} | ${'-'.repeat(width(1))} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
