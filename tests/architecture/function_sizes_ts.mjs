// Lines of every TypeScript/JavaScript function, for check_function_sizes.sh:
// prints "path:line lines name" for each function longer than LIMIT lines.
// Parsed by the TypeScript compiler the web already builds with. A describe()
// block is a list of tests, not a function, so it is not counted; each test in
// it is.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ts = createRequire(path.join(root, 'web/package.json'))('typescript');
const GROUPS = new Set(['describe', 'suite']);

function kindOf(file) {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.ts')) return ts.ScriptKind.TS;
  return ts.ScriptKind.JS;
}

function isGroupCallback(node) {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call)) return false;
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : call.expression;
  return ts.isIdentifier(callee) && GROUPS.has(callee.text);
}

function nameOf(node, source) {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(source);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  if (parent && ts.isCallExpression(parent)) {
    const first = parent.arguments[0];
    const label = first && ts.isStringLiteralLike(first) ? `: ${first.text}` : '';
    return `${parent.expression.getText(source)}${label}`.slice(0, 80);
  }
  return 'function';
}

function longFunctions(file, limit) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kindOf(file));
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body && !isGroupCallback(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      if (end - start + 1 > limit) found.push(`${file}:${start} ${end - start + 1} ${nameOf(node, source)}`);
      return;  // a function's inner functions are part of its length
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const [limit, ...files] = process.argv.slice(2);
for (const file of files) for (const line of longFunctions(file, Number(limit))) console.log(line);
