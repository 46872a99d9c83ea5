/**
 * `count` aliased `__schema` dumps: every type, following each field's type through two wrappers
 * to its own fields, the deepest graphql-js's MaxIntrospectionDepthRule allows. Fifteen of them, in
 * 754 bytes, is the attack a hostile run used against the cost limit.
 */
export function introspectionDumps(count: number): string {
  return [
    `{ ${Array.from({ length: count }, (_, index) => `a${index}: __schema { ...S }`).join(' ')} }`,
    'fragment S on __Schema { types { fields { ...F type { ofType { ofType { fields { ...F } } } fields { ...F } } } } }',
    'fragment F on __Field { name description args { name description defaultValue type { ...T } } type { ...T } }',
    'fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }',
  ].join(' ');
}
