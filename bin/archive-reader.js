#!/usr/bin/env node
// Shim for the package bin: runs the built command line, or says how to build it.
/* eslint-disable @typescript-eslint/no-require-imports -- the bin shim is plain CommonJS */
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'out', 'main');
const cli = join(main, 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('archive-reader: the command line is not built yet; run `npm run build`\n');
  process.exit(3);
}
// The build, and every node_modules folder its packages can be loaded from.
require('./code-cache').enableCodeCache([main, ...(require.resolve.paths('lunr') ?? [])]);
require(cli);
