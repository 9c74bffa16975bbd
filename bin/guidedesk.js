#!/usr/bin/env node
// Entry of the `guidedesk` command line. The implementation is built with the app (npm run build).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('guidedesk: not built yet: run `npm install && npm run build` first\n');
  process.exit(2);
}
process.env.GUIDEDESK_CLI = '1';
require(built);
