// The API's types, from the contract: schema.d.ts is generated from docs/openapi.yaml before every build,
// type check and test (scripts/api-types.mjs), so a field the server and the document drop or rename fails
// the type check here instead of being guessed at run time.
import type { components, operations } from './schema';

export type { components, operations, paths } from './schema';

/** A named schema of the contract's `components.schemas`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type JsonContent<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of an operation's answer with the given status (200 by default). */
export type ResponseBody<
  Operation extends keyof operations,
  Status extends keyof operations[Operation]['responses'] = 200 & keyof operations[Operation]['responses'],
> = JsonContent<operations[Operation]['responses'][Status]>;

/** The JSON body of an operation's request. */
export type RequestBody<Operation extends keyof operations> = operations[Operation] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
