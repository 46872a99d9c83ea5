import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  getOperationAST,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
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
 * else by its bound. Page sizes count at most `pageSize`. Stops counting past `stopAt`.
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
  let total = 0;

  const paged = (field: GraphQLField<unknown, unknown>) => field.args.some((argument) => argument.name === 'first' || argument.name === 'last');
  const pageOf = (field: GraphQLField<unknown, unknown>, args: Record<string, unknown>) => {
    const requested = ['first', 'last']
      .map((name) => args[name] ?? field.args.find((argument) => argument.name === name)?.defaultValue)
      .find((value): value is number => Number.isInteger(value) && (value as number) > 0);
    return Math.min(requested ?? bounds.pageSize, bounds.pageSize);
  };
  const listLength = (parent: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, page: number | undefined) => {
    for (const value of Object.values(args)) if (Array.isArray(value)) return value.length;
    if (paged(field)) return pageOf(field, args);
    if (field.name === 'edges' && page !== undefined) return page;
    return bounds.sizes[`${parent}.${field.name}`] ?? bounds.otherwise;
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, items: number, page?: number): void => {
    for (const selection of selectionSet.selections) {
      if (total > stopAt) return;
      if (selection.kind === Kind.FIELD) {
        total += items;
        if (!selection.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const args = argumentValues(selection, variables);
        const type = getNullableType(field.type);
        const list = isListType(type);
        const count = list ? listLength(parent.name, field, args, page) : 1;
        // A connection passes its page size down to its `edges`.
        walk(selection.selectionSet, getNamedType(type), items * count, !list && paged(field) ? pageOf(field, args) : undefined);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
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
  // Yoga reuses one parsed document per query text, so a repeated operation is costed once per
  // operation name and set of variables.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const byInput = costs.get(args.document) ?? new Map<string, number>();
      costs.set(args.document, byInput);
      const input = `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? null)}`;
      let cost = byInput.get(input);
      if (cost === undefined) {
        cost = estimateCost(args.schema, args.document, args.operationName, args.variableValues, bounds, maxCost);
        // Bounded, so that a client varying its variables cannot grow the map without limit.
        if (byInput.size < 100) byInput.set(input, cost);
      }
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `Query cost limit of ${maxCost} exceeded: with every list at its largest, the response could hold more field values. ` +
                'Ask for fewer fields, smaller pages or fewer ids.',
              { extensions: { code: 'MAX_COST_EXCEEDED', http: { status: 400 } } },
            ),
          ],
        });
      }
    },
  };
}
