export { loadSpec } from './load-spec.js';
export { DEFAULT_SPEC_PATH, packageRoot } from './package-root.js';
export { listOperations, operationById, successStatus, responseMedia, type OperationInfo, type AuthMode } from './operations.js';
export { createValidators, type SpecValidators, type Violation, type ParameterLocation } from './validators.js';
export { createAjv } from './ajv.js';
export type { OpenApiDocument, OperationObject, ParameterObject, JsonSchema } from './openapi-types.js';
