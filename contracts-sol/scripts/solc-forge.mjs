#!/usr/bin/env node
// solc for forge, offline: forge runs this instead of downloading a native solc (foundry.toml `solc`).
// It answers the two questions forge asks a compiler, with the pinned solcjs:
//   --version          the version line forge parses
//   --standard-json    Solidity standard JSON on stdin, compiler output on stdout
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const solc = require('solc');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
if (args.includes('--version')) {
  // forge reads the last line; solcjs says "0.8.37+commit.f401782d.Emscripten.clang", forge wants a native build string.
  const version = solc.version().replace(/\.Emscripten\.clang$/, '');
  console.log('solc, the solidity compiler commandline interface');
  console.log(`Version: ${version}.Linux.g++`);
  process.exit(0);
}
if (!args.includes('--standard-json')) {
  console.error(`solc-forge: only --version and --standard-json are supported (got: ${args.join(' ')})`);
  process.exit(2);
}

// forge sends every source it resolved; this callback only serves a path it left out, as compile.mjs does.
function findImport(importPath) {
  for (const base of [process.cwd(), root, path.join(root, 'node_modules')]) {
    const p = path.resolve(base, importPath);
    if (fs.existsSync(p)) return { contents: fs.readFileSync(p, 'utf8') };
  }
  return { error: `import not found: ${importPath}` };
}

const input = fs.readFileSync(0, 'utf8');
process.stdout.write(solc.compile(input, { import: findImport }));
