// Generates src/api/schema.d.ts, the web's API types, from the contract (docs/openapi.yaml) with
// openapi-typescript. Run before every build, type check, dev server and test run (package.json's pre*
// scripts), so the types can never be stale; the file is not committed. It is rewritten only when its
// text changes, so a test run does not make `make` rebuild the portal.
//   node scripts/api-types.mjs           write it
//   node scripts/api-types.mjs --check   exit 1 when it is missing or stale
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const web = path.resolve(import.meta.dirname, '..');
const contract = path.resolve(web, '../docs/openapi.yaml');
const target = path.join(web, 'src/api/schema.d.ts');

const header = `// Generated from docs/openapi.yaml by web/scripts/api-types.mjs (openapi-typescript). Do not edit:
// change the contract, and \`npm run api-types\` (run before build, typecheck, dev and test) rewrites it.

`;
const ast = await openapiTS(new URL(`file://${contract}`), { exportType: false, arrayLength: true });
const text = header + astToString(ast);
const old = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
if (process.argv.includes('--check')) {
  if (old !== text) {
    console.error(`${path.relative(web, target)} is ${old === null ? 'missing' : 'stale'}: run npm run api-types`);
    process.exit(1);
  }
} else if (old !== text) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(web, target)}`);
}
