#!/usr/bin/env node
// `npm start` runs this first: it builds dist/ only when it is missing or older than src/ (a fresh
// clone, a pull), so a start does not rebuild every time. Production starts `node dist/main.js`.
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

/** The newest modification time of any file below `dir` (0 when there is none). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const dist = join(root, 'dist');
const stale =
  !existsSync(join(dist, 'main.js')) ||
  Math.max(newest(join(root, 'src')), statSync(join(root, 'tsconfig.build.json')).mtimeMs) > newest(dist);
if (stale) {
  process.stderr.write('Building dist/ (missing or older than src/)\n');
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
}
