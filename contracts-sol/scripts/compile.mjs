// Compiles every contract under src/ with the pinned solcjs and writes one artifact per contract
// (ABI and bytecode) to ../src/Contracts/Generated/, which the C# client embeds.
//
//   node scripts/compile.mjs          regenerate the artifacts
//   node scripts/compile.mjs --check  exit 1, naming them, if the committed artifacts are stale
//
// Imports resolve as `solcjs --base-path . --include-path node_modules` would.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const solc = require('solc');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, '../src/Contracts/Generated');
const check = process.argv.includes('--check');

// Settings are part of the artifact: a change to them makes the committed artifacts stale too.
const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

function listSources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listSources(p);
    return e.name.endsWith('.sol') ? [path.relative(root, p).split(path.sep).join('/')] : [];
  });
}

function findImport(importPath) {
  for (const base of [root, path.join(root, 'node_modules')]) {
    const p = path.join(base, importPath);
    if (fs.existsSync(p)) return { contents: fs.readFileSync(p, 'utf8') };
  }
  return { error: `import not found under . or node_modules: ${importPath}` };
}

const sourceFiles = listSources(path.join(root, 'src')).sort();
const input = {
  language: 'Solidity',
  sources: Object.fromEntries(sourceFiles.map((f) => [f, { content: fs.readFileSync(path.join(root, f), 'utf8') }])),
  settings,
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
// Errors anywhere, warnings only from our own sources (OpenZeppelin's are not ours to fix).
for (const e of output.errors ?? []) {
  if (e.severity === 'error' || e.sourceLocation?.file?.startsWith('src/')) console.error(e.formattedMessage);
}
if (errors.length > 0) process.exit(1);

const artifacts = new Map();
for (const file of sourceFiles) {
  for (const [name, c] of Object.entries(output.contracts[file] ?? {})) {
    // interfaces and abstract contracts deploy nothing; libraries of internal functions are inlined
    if (!c.evm.bytecode.object || c.abi.length === 0) continue;
    const artifact = { contractName: name, sourceName: file, compiler: `solc ${solc.version()}`, settings, abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
    artifacts.set(`${name}.json`, `${JSON.stringify(artifact, null, 2)}\n`);
  }
}

const existing = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => f.endsWith('.json')) : [];
if (check) {
  const stale = [...artifacts].filter(([f, text]) => !fs.existsSync(path.join(outDir, f)) || fs.readFileSync(path.join(outDir, f), 'utf8') !== text).map(([f]) => f);
  const orphans = existing.filter((f) => !artifacts.has(f));
  if (stale.length + orphans.length > 0) {
    console.error(`error: contract artifacts in src/Contracts/Generated are stale (${[...stale, ...orphans].join(', ')}). ` +
      'Regenerate them with: npm --prefix contracts-sol run build');
    process.exit(1);
  }
  console.log(`contract artifacts up to date (${artifacts.size} contracts, solc ${solc.version()})`);
} else {
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of existing.filter((f) => !artifacts.has(f))) fs.unlinkSync(path.join(outDir, f));
  for (const [f, text] of artifacts) fs.writeFileSync(path.join(outDir, f), text);
  console.log(`wrote ${artifacts.size} contract artifacts to ${path.relative(process.cwd(), outDir)}`);
}
