// The saved web pages under tests/fixtures/html, written for these tests (no real site's text).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The folder of the HTML fixtures. */
export const htmlFixtureDir = resolve(__dirname, '..', '..', 'fixtures', 'html');

/** The bytes of one fixture file. */
export function htmlFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(htmlFixtureDir, name)));
}
