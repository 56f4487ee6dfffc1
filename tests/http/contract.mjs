// The contract check of every answer: docs/openapi.yaml says, per operation, which statuses it answers and
// the JSON schema of each body; `checkResponse` fails when the server answers an operation with a status the
// document does not list for it, or with a JSON body its schema rejects. The harness's `api` helper runs it on
// every answer, so each HTTP test checks the contract of whatever it calls, not only method and path.
//
// The schemas are OpenAPI 3.0's dialect of JSON Schema; `toJsonSchema` turns them into draft-07 for ajv
// (`nullable`, boolean `exclusiveMinimum`, `$ref`s into the document). The tests have no package.json of their
// own: ajv, ajv-formats and yaml come from web/node_modules (`npm ci --prefix web`, as `make test` runs).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(ROOT, 'web/package.json'));
function load(name) {
  try {
    return require(name);
  } catch (e) {
    throw new Error(`the HTTP suite's contract check needs ${name} from web/node_modules: run \`npm ci --prefix web\` (${e.message})`);
  }
}
const { default: Ajv } = load('ajv');
const { default: addFormats } = load('ajv-formats');
const YAML = load('yaml');

export const OPENAPI_PATH = path.join(ROOT, 'docs/openapi.yaml');
const DOCUMENT_ID = 'https://patron.invalid/openapi.yaml';

// OpenAPI 3.0 schema → JSON Schema draft-07: `nullable: true` admits null (whatever else the schema says,
// so an enum or an allOf stays right), a boolean exclusiveMinimum/Maximum moves onto its bound, local `$ref`s
// point into the document registered with ajv, and the annotations JSON Schema lacks are dropped.
export function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'discriminator' || key === 'xml' || key === 'externalDocs'
      || key === 'deprecated' || key.startsWith('x-')) continue;
    if (key === '$ref') out.$ref = value.startsWith('#/') ? `${DOCUMENT_ID}${value}` : value;
    else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, toJsonSchema(s)]));
    } else out[key] = toJsonSchema(value);
  }
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']]) {
    if (out[flag] === true) { out[flag] = out[bound]; delete out[bound]; } else if (out[flag] === false) delete out[flag];
  }
  return schema.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function pointer(document, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  return ref.slice(2).split('/').reduce((node, part) => node?.[part.replaceAll('~1', '/').replaceAll('~0', '~')], document);
}

function templateRegex(template) {
  const source = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+');
  return new RegExp(`^${source}$`);
}

export class Contract {
  constructor(text = fs.readFileSync(OPENAPI_PATH, 'utf8')) {
    this.document = YAML.parse(text);
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    // RFC 5321 lets a domain be one label; ajv-formats' full email pattern wants a dot, and would refuse the
    // address an erased account keeps (`erased+<id>@invalid`). Its fast pattern follows the RFC there.
    this.ajv.addFormat('email', addFormats.get('email', 'fast'));
    for (const [name, type] of [['int32', 'number'], ['int64', 'number'], ['float', 'number'], ['double', 'number'],
      ['byte', 'string'], ['binary', 'string'], ['password', 'string']]) {
      this.ajv.addFormat(name, { type, validate: () => true });
    }
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: toJsonSchema(this.document.components?.schemas ?? {}) } });
    // Literal paths first, so /admin/campaigns/audience-preview is not read as /admin/campaigns/{id}.
    this.paths = Object.keys(this.document.paths)
      .map((template) => ({ template, regex: templateRegex(template), params: (template.match(/\{/g) ?? []).length }))
      .sort((a, b) => a.params - b.params);
    this.validators = new Map();
    this.seen = new Set();
  }

  // The documented path template a request (path with its query string) stands for: the first matching one
  // with the method, else the first matching one; null when none matches.
  template(method, urlPath) {
    const pathname = new URL(urlPath, 'http://x').pathname;
    const matching = this.paths.filter((p) => p.regex.test(pathname)).map((p) => p.template);
    return matching.find((t) => this.document.paths[t][method.toLowerCase()]) ?? matching[0] ?? null;
  }

  // The documented response of METHOD template for a status (a components.responses $ref followed), or
  // undefined when the operation does not list that status.
  response(method, template, status) {
    const operation = this.document.paths[template]?.[method.toLowerCase()];
    if (!operation) return undefined;
    let response = operation.responses?.[String(status)] ?? operation.responses?.[`${String(status)[0]}XX`]
      ?? operation.responses?.default;
    while (response?.$ref) response = pointer(this.document, response.$ref);
    return response;
  }

  validator(key, schema) {
    if (!this.validators.has(key)) this.validators.set(key, this.ajv.compile(toJsonSchema(schema)));
    return this.validators.get(key);
  }

  // The problems of one answer against the contract, [] when it keeps it. `text` is the body, `json` the parsed
  // body (undefined when it is not JSON), `contentType` the answer's Content-Type. An empty body is no body,
  // whatever its Content-Type (the server names JSON on its 204s too).
  check({ method, urlPath, status, contentType = '', json, text = '' }) {
    const isJson = /^application\/(.+\+)?json\b/i.test(contentType);
    const template = this.template(method, urlPath);
    let schema;
    let where;
    if (template && this.document.paths[template][method.toLowerCase()]) {
      where = `${method} ${template} ${status}`;
      this.seen.add(where);
      const response = this.response(method, template, status);
      if (!response) return [`${where}: the status is not documented for the operation`];
      const content = response.content ?? {};
      const media = Object.keys(content).find((type) => /^application\/(.+\+)?json$/.test(type));
      if (!text) return media && method !== 'HEAD' ? [`${where}: the document gives this status a JSON body, the answer is empty`] : [];
      if (!isJson) return [];  // text, YAML, images: the contract names their types, the tests read them
      if (!media) return [`${where}: answered ${contentType} but the document gives this status no JSON body`];
      schema = content[media].schema;
    } else {
      // An unknown path (404) or a method the path lacks (405): the server's error body.
      where = `${method} ${template ?? new URL(urlPath, 'http://x').pathname} ${status} (no such operation)`;
      if (status !== 404 && status !== 405 && status !== 413 && status !== 429) {
        return [`${where}: an undocumented operation answered neither 404 nor 405`];
      }
      if (!isJson || !text) return [`${where}: the error is not a JSON body (${contentType})`];
      schema = { $ref: '#/components/schemas/Error' };
    }
    if (!schema) return [];
    if (json === undefined) return [`${where}: the body is not valid JSON`];
    const validate = this.validator(where.replace(/ \(.*/, ''), schema);
    if (validate(json)) return [];
    return validate.errors.map((e) => `${where}: body${e.instancePath} ${e.message}${e.params?.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`);
  }
}

let shared;
export function contract() {
  if (!shared) {
    shared = new Contract();
    // PATRON_CONTRACT_SEEN=FILE: each test process appends the "METHOD /template status" it checked.
    const seenFile = process.env.PATRON_CONTRACT_SEEN;
    if (seenFile) process.once('exit', () => fs.appendFileSync(seenFile, [...shared.seen].map((s) => `${s}\n`).join('')));
  }
  return shared;
}

export class ContractError extends Error {}

// Throws when an answer breaks the contract; the harness calls it for every answer of `api`.
export function checkResponse(answer) {
  const problems = contract().check(answer);
  if (problems.length > 0) {
    const body = answer.text && answer.text.length > 600 ? `${answer.text.slice(0, 600)}…` : answer.text;
    throw new ContractError(`the answer breaks docs/openapi.yaml:\n  ${problems.slice(0, 8).join('\n  ')}\nbody: ${body}`);
  }
}
