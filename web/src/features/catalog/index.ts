export { ResourceManager } from './components/ResourceManager';
export { RESOURCE_KEYS, RESOURCES, isResourceKey, itemId } from './resources';
export { isoToLocalInput, toPayload } from './form-values';
export type * from './types';
