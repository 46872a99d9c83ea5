import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { printedSchema } from '../schema/print.js';

/** Every named thing in the schema that has no description, as "Type.field(arg)". */
function undocumented(): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('schema', () => {
  it('matches the committed schema/schema.graphql (run `npm run schema:print` after a change)', () => {
    expect(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8')).toBe(printedSchema());
  });

  it('documents every type, field, argument and enum value', () => {
    expect(undocumented()).toEqual([]);
  });
});
