import {
  GraphQLError,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  getOperationAST,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** What a list may hold, for the cost estimate. */
export interface ListBounds {
  /** The most edges a connection returns (`first`/`last` above it are refused by the field). */
  pageSize: number;
  /** The most items a list returns, by schema coordinate (`StatusClass.codes`). */
  sizes: Readonly<Record<string, number>>;
  /** The most items any other list returns. */
  otherwise: number;
}

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/** How to count one introspection field, whatever object it is asked of: built once, on first use. */
interface Plan {
  field: GraphQLField<unknown, unknown>;
  type: GraphQLObjectType;
  /** The nodes of its response key, merged. */
  nodes: readonly FieldNode[];
  args: Record<string, unknown>;
  /** Its subfields' plans (`undefined` for a leaf), once first needed. */
  children?: (Plan | undefined)[];
}

const metaFields = new Map<string, GraphQLField<unknown, unknown>>(
  [SchemaMetaFieldDef, TypeMetaFieldDef].map((field) => [field.name, field]),
);

function argumentValues(node: FieldNode, variables: Variables): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const argument of node.arguments ?? []) {
    values[argument.name.value] = valueFromASTUntyped(argument.value, variables ?? undefined);
  }
  return values;
}

/**
 * An operation's cost: an upper bound on the number of field values its response can hold, computed from
 * the document and its variables before anything executes: each field counts once per parent
 * item; a list multiplies what is under it by the length of a list argument (`nodes(ids:)`), by
 * its own `first`/`last` (or their defaults), by its connection's `first`/`last` for `edges`, or
 * else by its bound. Page sizes count at most `pageSize`. Introspection (`__schema`, `__type`)
 * counts exactly: the values its answer will hold. Stops counting past `stopAt`.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
  bounds: ListBounds,
  stopAt = Number.POSITIVE_INFINITY,
): number {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A variable left out takes its default, as in execution, so that `includeDeprecated: $all` counts exactly.
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  const values = { ...defaults, ...variables };
  let total = 0;

  const paged = (field: GraphQLField<unknown, unknown>) =>
    field.args.some((argument) => argument.name === 'first' || argument.name === 'last');
  const pageOf = (field: GraphQLField<unknown, unknown>, args: Record<string, unknown>) => {
    const requested = ['first', 'last']
      .map((name) => args[name] ?? field.args.find((argument) => argument.name === name)?.defaultValue)
      .find((value): value is number => Number.isInteger(value) && (value as number) > 0);
    return Math.min(requested ?? bounds.pageSize, bounds.pageSize);
  };
  const listLength = (
    parent: string,
    field: GraphQLField<unknown, unknown>,
    args: Record<string, unknown>,
    page: number | undefined,
  ) => {
    for (const value of Object.values(args)) if (Array.isArray(value)) return value.length;
    if (paged(field)) return pageOf(field, args);
    if (field.name === 'edges' && page !== undefined) return page;
    return bounds.sizes[`${parent}.${field.name}`] ?? bounds.otherwise;
  };
  const fragmentOf = (selection: FragmentSpreadNode | InlineFragmentNode) =>
    selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;

  // The schema is static and introspection's resolvers are pure (they read only `info.schema`), so
  // introspection is counted on the very values execution will return, `items` times over.
  const info = { schema } as GraphQLResolveInfo;
  const planOf = (nodes: readonly FieldNode[], field: GraphQLField<unknown, unknown> | undefined): Plan | undefined => {
    const type = field && getNamedType(field.type);
    if (!field || !isObjectType(type)) return undefined;
    // Validation has made every node of one response key ask with the same arguments. Their
    // defaults need no filling in: `includeDeprecated: false` acts as if absent.
    return { field, type, nodes, args: argumentValues(nodes[0]!, values) };
  };
  // As in execution, the fields of one response key merge into one value, and a fragment spreads
  // once per object, so that repeating it costs no work. Introspection types are object types: a
  // fragment applies on its own type only.
  const gather = (
    selectionSet: SelectionSetNode | undefined,
    type: GraphQLObjectType,
    groups: Map<string, FieldNode[]>,
    spread: Set<string>,
  ) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const group = groups.get(key);
        if (group) group.push(selection);
        else groups.set(key, [selection]);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        if (spread.has(selection.name.value)) continue;
        spread.add(selection.name.value);
      }
      const fragment = fragmentOf(selection);
      if (fragment && (!fragment.typeCondition || fragment.typeCondition.name.value === type.name))
        gather(fragment.selectionSet, type, groups, spread);
    }
  };
  const introspect = (plan: Plan | undefined, source: unknown, items: number): void => {
    total += items;
    if (!plan) return;
    if (!plan.children) {
      const groups = new Map<string, FieldNode[]>();
      const spread = new Set<string>();
      for (const node of plan.nodes) gather(node.selectionSet, plan.type, groups, spread);
      plan.children = [...groups.values()].map((nodes) => planOf(nodes, plan.type.getFields()[nodes[0]!.name.value]));
    }
    const value: unknown = (plan.field.resolve ?? defaultFieldResolver)(source, plan.args, undefined, info);
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item == null) continue;
      for (const child of plan.children) {
        if (total > stopAt) return;
        introspect(child, item, items);
      }
    }
  };

  // Both walks recurse on the document's nesting, fragments included, and never on variable values:
  // the token limit bounds that nesting (the depth limit skips `__schema`), and validation rules out
  // fragment cycles.
  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    items: number,
    page?: number,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (total > stopAt) return;
      if (selection.kind === Kind.FIELD) {
        // graphql-js answers these on the query type only, but wherever that type appears.
        const meta = parent === schema.getQueryType() ? metaFields.get(selection.name.value) : undefined;
        if (meta) {
          introspect(planOf([selection], meta), undefined, items);
          continue;
        }
        total += items;
        if (!selection.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const args = argumentValues(selection, values);
        const type = getNullableType(field.type);
        const list = isListType(type);
        const count = list ? listLength(parent.name, field, args, page) : 1;
        // A connection passes its page size down to its `edges`.
        walk(
          selection.selectionSet,
          getNamedType(type),
          items * count,
          !list && paged(field) ? pageOf(field, args) : undefined,
        );
      } else {
        const fragment = fragmentOf(selection);
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        walk(fragment.selectionSet, condition ?? undefined, items, page);
      }
    }
  };
  walk(operation.selectionSet, root, 1);
  return total;
}

/**
 * Refuses, before execution, an operation costing more than `maxCost`: more field values than that
 * with every list at its largest (the model of GitHub's node limit). It runs once variables are
 * known, so `first: $n` and `nodes(ids: $ids)` count, and it sees the StatusCode.class ↔
 * StatusClass.codes cycle, where each level multiplies the answer by a whole class of codes.
 * graphql-armor's cost rule sees neither, and it weighs a literal `first: 1000000` at face value,
 * pre-empting the field's own clearer "first must be between 1 and 100".
 */
export function useCostLimit(maxCost: number, bounds: ListBounds): Plugin {
  // The operations of one request share one budget: a batch of ten may not cost ten times as much.
  // No cache of estimates: they are cheap, and one keyed by variables would grow with what clients send.
  const spent = new WeakMap<Request, number>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { schema, document, operationName, variableValues, contextValue } = args as ExecutionArgs;
      const { request } = contextValue as { request: Request };
      const before = spent.get(request) ?? 0;
      const cost = before + estimateCost(schema, document, operationName, variableValues, bounds, maxCost - before);
      spent.set(request, cost);
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `Query cost limit of ${maxCost} exceeded: with every list at its largest, the response could hold more field values. ` +
                'Ask for fewer fields, smaller pages, fewer ids or fewer operations in a batch.',
              { extensions: { code: 'MAX_COST_EXCEEDED', http: { status: 400 } } },
            ),
          ],
        });
      }
    },
  };
}
