// docs/openapi.yaml stays true to the server: every route registered in src/http/routes_*.cpp is documented
// with the same method, every documented operation is registered, and the server serves the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useServer } from './harness.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OPENAPI = path.join(ROOT, 'docs/openapi.yaml');
const HTTP_SRC = path.join(ROOT, 'src/http');
const CATALOG_RESOURCES = path.join(ROOT, 'src/domain/catalog_schema.cpp');
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

// Documented ahead of their merge from other branches (each marked `x-pending: true` in the document).
// The lead empties this list, and drops the marks, when the branches that register them are merged.
const PENDING = [];

// Reads the operations under the top-level `paths:` mapping of a block-style YAML document indented by two
// spaces: path keys at column 2, methods at column 4, an operation's own keys at column 6. Returns
// [{ op: 'METHOD /path', line, pending }]. Anything at column 0 ends `paths:`.
export function documentedOperations(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^paths:\s*$/.test(l));
  assert.ok(start >= 0, 'docs/openapi.yaml has a block-style top-level `paths:` mapping');
  const ops = [];
  let currentPath = null;
  let current = null;
  for (let n = start + 1; n < lines.length; n++) {
    const line = lines[n];
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (/^\S/.test(line)) break;
    let m;
    if ((m = /^ {2}(\S.*?):\s*$/.exec(line))) {
      const key = m[1].replace(/^(['"])(.*)\1$/, '$2');
      assert.ok(key.startsWith('/'), `line ${n + 1}: a path key must start with "/": ${line}`);
      currentPath = key;
      current = null;
    } else if ((m = /^ {4}([A-Za-z$-][\w$-]*):/.exec(line))) {
      current = null;
      if (!METHODS.includes(m[1])) continue;  // path-level parameters, summary, ...
      assert.ok(currentPath, `line ${n + 1}: method outside a path`);
      current = { op: `${m[1].toUpperCase()} ${currentPath}`, line: n + 1, pending: false };
      ops.push(current);
    } else if (current && /^ {6}x-pending:\s*true\s*$/.test(line)) {
      current.pending = true;
    } else {
      assert.ok(/^ {4}/.test(line), `line ${n + 1}: unexpected indentation under paths: ${line}`);
    }
  }
  return ops;
}

// Every row `{"METHOD", "PATH", Access::..., handlers::...}` of routes.cpp's table and every
// `router.add("METHOD", "PATH", ...)` in src/http/routes_*.cpp, plus the CRUD that
// routes_catalog.cpp registers in a loop over the resources of the domain's catalog_schema.cpp. A router.add call
// of any other form fails the test, so a new registration style gets taught here rather than skipped.
export function registeredOperations() {
  const ops = [];
  const files = fs.readdirSync(HTTP_SRC).filter((f) => /^routes(_.*)?\.cpp$/.test(f)).sort();
  assert.ok(files.length > 0, 'found src/http/routes_*.cpp');
  const resources = [...fs.readFileSync(CATALOG_RESOURCES, 'utf8')
    .matchAll(/^\s*return \{\s*"([a-z][a-z0-9-]*)",\s*"[a-z]+",/gm)].map((m) => m[1]);
  for (const file of files) {
    const source = fs.readFileSync(path.join(HTTP_SRC, file), 'utf8');
    // routes.cpp adds its table in one loop: `router.add(route.method, ...)`.
    const calls = [...source.matchAll(/router\.add\((?!route\.method)|^\s*\{"[A-Z]+", "\//gm)].length;
    let understood = 0;
    for (const m of source.matchAll(/^\s*\{"([A-Z]+)", "([^"]+)", Access::[a-z]+, handlers::[a-z_]+\},$/gm)) {
      ops.push(`${m[1]} ${m[2]}`);
      understood++;
    }
    for (const m of source.matchAll(/router\.add\(\s*"([A-Z]+)"\s*,\s*"([^"]+)"\s*,/g)) {
      ops.push(`${m[1]} ${m[2]}`);
      understood++;
    }
    const base = /const auto base = "([^"]+)" \+ resource\.name;/.exec(source);
    for (const m of source.matchAll(/router\.add\(\s*"([A-Z]+)"\s*,\s*base(?:\s*\+\s*"([^"]*)")?\s*,/g)) {
      assert.ok(base, `${file}: router.add on \`base\` without the catalog's \`const auto base = "..." + resource.name;\``);
      assert.ok(resources.length >= 5, `read the catalog resources from catalog_schema.cpp (got ${resources})`);
      for (const name of resources) ops.push(`${m[1]} ${base[1]}${name}${m[2] ?? ''}`);
      understood++;
    }
    assert.equal(understood, calls, `${file}: every router.add call and table row is of a form this test reads`);
  }
  return ops;
}

const yamlText = fs.readFileSync(OPENAPI, 'utf8');
const documented = documentedOperations(yamlText);
const registered = registeredOperations();

test('the document parses into operations, none twice', () => {
  assert.ok(documented.length >= registered.length, `${documented.length} documented operations`);
  const seen = new Set();
  for (const { op, line } of documented) {
    assert.ok(!seen.has(op), `${op} is documented twice (line ${line})`);
    seen.add(op);
  }
  assert.match(yamlText, /^openapi: ['"]?3\.(0|1)\.\d+['"]?\s*$/m, 'an OpenAPI 3.0 or 3.1 document');
});

test('the route extraction sees the known registrations', () => {
  for (const op of ['GET /healthz', 'POST /api/v1/auth/login', 'GET /api/v1/me', 'POST /api/v1/pos/purchases',
    'GET /api/v1/admin/products', 'PATCH /api/v1/admin/earning-rules/{id}', 'DELETE /api/v1/admin/rewards/{id}']) {
    assert.ok(registered.includes(op), `extracted ${op}`);
  }
  assert.equal(new Set(registered).size, registered.length, 'no route is registered twice');
});

test('every registered route is documented with the same method', () => {
  const docs = new Set(documented.map((d) => d.op));
  const missing = registered.filter((op) => !docs.has(op));
  assert.deepEqual(missing, [], `registered but not in docs/openapi.yaml: ${missing.join(', ')}`);
});

test('every documented operation is registered, or pending a merge', () => {
  const routes = new Set(registered);
  const stray = documented.map((d) => d.op).filter((op) => !routes.has(op) && !PENDING.includes(op));
  assert.deepEqual(stray, [], `documented but not registered (and not in PENDING): ${stray.join(', ')}`);
});

test('PENDING lists exactly the operations marked x-pending, and none is registered yet', () => {
  const marked = documented.filter((d) => d.pending).map((d) => d.op).sort();
  assert.deepEqual(marked, [...PENDING].sort(), 'x-pending marks and PENDING agree');
  const merged = PENDING.filter((op) => registered.includes(op));
  assert.deepEqual(merged, [], `registered now, so drop from PENDING and unmark x-pending: ${merged.join(', ')}`);
});

const s = useServer();

test('GET /api/v1/openapi.yaml serves the document', async () => {
  const r = await s.api('GET', '/api/v1/openapi.yaml');
  assert.equal(r.status, 200, r.text.slice(0, 300));
  assert.match(r.headers.get('content-type') ?? '', /^application\/yaml/);
  assert.equal(r.text, yamlText);
});
