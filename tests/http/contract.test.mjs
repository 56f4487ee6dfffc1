// The contract check itself (contract.mjs), which the harness runs on every answer of the other tests: every
// response schema of docs/openapi.yaml compiles, and the check refuses what it should. No server needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkResponse, contract, ContractError, toJsonSchema } from './contract.mjs';

const JSON_TYPE = 'application/json; charset=utf-8';
const run = { id: 1, finished_at: '2026-11-28T06:01:18Z', as_of: '2026-11-29', customers: 3, purchases: 9, parameters: {} };
const answer = (method, urlPath, status, json) =>
  ({ method, urlPath, status, contentType: JSON_TYPE, json, text: json === undefined ? '' : JSON.stringify(json) });
const problems = (...args) => contract().check(answer(...args));

test('every JSON response schema of every operation compiles', () => {
  const c = contract();
  let compiled = 0;
  for (const [template, operations] of Object.entries(c.document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const status of Object.keys(operation.responses ?? {})) {
        const schema = c.response(method, template, status)?.content?.['application/json']?.schema;
        if (!schema) continue;
        assert.doesNotThrow(() => c.validator(`${method} ${template} ${status}`, schema), `${method} ${template} ${status}`);
        compiled++;
      }
    }
  }
  assert.ok(compiled > 300, `${compiled} schemas compiled`);
});

test('an answer that keeps the contract passes, with its query string and path parameters', () => {
  assert.deepEqual(problems('GET', '/api/v1/admin/analytics/status', 200, { available: false, run: null, message: 'no run' }), []);
  assert.deepEqual(problems('GET', '/api/v1/admin/analytics/rules?limit=5', 200,
    { run, rules: [{ antecedent: ['A'], consequent: 'B', support: 0.1, confidence: 0.5, lift: 1.2 }], names: { A: 'Apples', B: 'Bread' } }), []);
  assert.deepEqual(problems('GET', '/api/v1/admin/products/prd_1', 404,
    { error: { code: 'not_found', message: 'no such product', field: null } }), []);
});

test('a body the schema refuses fails: a missing field, a wrong type, null where not nullable, a bound', () => {
  assert.match(problems('GET', '/api/v1/admin/analytics/status', 200, { available: true, run: null })[0],
    /^GET \/api\/v1\/admin\/analytics\/status 200: body must have required property 'message'/);
  assert.ok(problems('GET', '/api/v1/admin/analytics/segments', 200, { run, segments: [{ segment: 'Lost', customers: '3' }] }).length > 0);
  assert.ok(problems('GET', '/api/v1/admin/analytics/status', 200, { available: null, run: null, message: null }).length > 0);
  // lift is documented with an exclusive minimum of 1 (OpenAPI 3.0's boolean form).
  assert.match(problems('GET', '/api/v1/admin/analytics/rules', 200,
    { run, rules: [{ antecedent: ['A'], consequent: 'B', support: 0.1, confidence: 0.5, lift: 1 }] }).join('\n'), /lift must be > 1/);
});

test('a status the operation does not document fails, and so does a JSON body where none is documented', () => {
  assert.match(problems('GET', '/api/v1/admin/analytics/status', 418, { error: { code: 'x', message: 'x', field: null } })[0],
    /418: the status is not documented for the operation/);
  assert.match(problems('DELETE', '/api/v1/me', 204, { erased: true })[0], /the document gives this status no JSON body/);
  assert.deepEqual(problems('DELETE', '/api/v1/me', 204, undefined), [], 'an empty 204 is fine whatever its Content-Type');
  assert.match(problems('GET', '/api/v1/admin/analytics/status', 200, undefined)[0], /the answer is empty/);
});

test('a path or method the document lacks may only answer the JSON error of 404 or 405', () => {
  const error = { error: { code: 'not_found', message: 'no such endpoint', field: null } };
  assert.deepEqual(problems('GET', '/api/v1/nowhere', 404, error), []);
  assert.deepEqual(problems('PUT', '/api/v1/me', 405, { error: { ...error.error, code: 'validation_failed' } }), []);
  assert.match(problems('GET', '/api/v1/nowhere', 200, {})[0], /answered neither 404 nor 405/);
  assert.ok(problems('GET', '/api/v1/nowhere', 404, { message: 'not found' }).length > 0);
});

test('literal paths win over templates that would match them too', () => {
  const c = contract();
  assert.equal(c.template('POST', '/api/v1/admin/campaigns/audience-preview'), '/api/v1/admin/campaigns/audience-preview');
  assert.equal(c.template('GET', '/api/v1/admin/campaigns/cmp_1?x=1'), '/api/v1/admin/campaigns/{id}');
  assert.equal(c.template('GET', '/api/v1/nowhere'), null);
});

test('OpenAPI 3.0 schemas become JSON Schema: nullable admits null, a boolean exclusive bound moves onto its value', () => {
  assert.deepEqual(toJsonSchema({ type: 'string', enum: ['a'], nullable: true, example: 'a' }),
    { anyOf: [{ type: 'string', enum: ['a'] }, { type: 'null' }] });
  assert.deepEqual(toJsonSchema({ type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 2, exclusiveMaximum: false }),
    { type: 'number', exclusiveMinimum: 1, maximum: 2 });
  assert.deepEqual(toJsonSchema({ properties: { nullable: { type: 'boolean' } }, 'x-pending': true }),
    { properties: { nullable: { type: 'boolean' } } }, 'a property named like a keyword is kept');
});

test('checkResponse throws a ContractError naming the problem and the body', () => {
  assert.throws(() => checkResponse(answer('GET', '/api/v1/admin/analytics/status', 200, { available: 'yes', run: null, message: null })),
    (e) => e instanceof ContractError && /body\/available must be boolean/.test(e.message) && /"available":"yes"/.test(e.message));
});
