import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MessageTypeEnum, RolePermissionEnum } from '../../src/generated/enums.js';
import { renderEnumsModule } from '../../src/spec/enums-module.js';
import { DEFAULT_SPEC_PATH, packageRoot } from '../../src/spec/index.js';
import type { OpenApiDocument } from '../../src/spec/openapi-types.js';
import { TYPES, STATUSES } from '../../src/domain/message-facts.js';
import { ROLE_PERMISSIONS } from '../../src/world/model.js';

const yaml = parse(readFileSync(DEFAULT_SPEC_PATH, 'utf8')) as OpenApiDocument;
const specEnum = (name: string): unknown => yaml.components.schemas[name]?.enum;

describe('src/generated/enums.ts', () => {
  it('is what npm run generate makes of the spec today', () => {
    const committed = readFileSync(join(packageRoot(), 'src', 'generated', 'enums.ts'), 'utf8');
    expect(committed === renderEnumsModule(yaml), 'src/generated/enums.ts is stale: run npm run generate').toBe(true);
  });

  it("holds each enum's values in the spec's order, including the message types the world never makes", () => {
    expect(MessageTypeEnum).toEqual(specEnum('MessageTypeEnum'));
    expect(MessageTypeEnum).toContain('Contacts');
    expect(MessageTypeEnum).toContain('Address');
    expect(RolePermissionEnum).toEqual(specEnum('RolePermissionEnum'));
  });
});

describe('runtime value lists of the world and the domain', () => {
  it('come from the spec, so none lags behind it', () => {
    expect(ROLE_PERMISSIONS).toEqual(specEnum('RolePermissionEnum'));
    expect(TYPES).toEqual(specEnum('MessageTypeEnum'));
    expect(STATUSES).toEqual(specEnum('MessageStatusEnum'));
  });
});
