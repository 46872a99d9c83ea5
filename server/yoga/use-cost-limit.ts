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
  print,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { costOf, jsonBytes, type Sizes } from '../../schema/cost.js';

/** What a list may hold, for the cost estimate. */
export interface ListBounds {
  /** The most edges a connection returns (`first`/`last` above it are refused by the field). */
  pageSize: number;
  /** The most items a list returns that declares no length of its own (schema/cost.ts): a schema's without costs. */
  otherwise: number;
}

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/** An operation's answer bounded before it runs: with every list at its largest, what could it hold and take? */
export interface Estimate {
  /** Field values (MAX_COST). */
  values: number;
  /** Server time in microseconds (MAX_WORK_MS): each value's, and each field's own work (schema/cost.ts). */
  workUs: number;
  /** JSON bytes of the answer (MAX_ANSWER_BYTES). */
  bytes: number;
}

/**
 * What resolving and writing out one value and one byte of an answer take, in microseconds: the
 * upper envelope of bench/field-costs.ts's timings of whole answers (docs/cost.md).
 */
export const valueMicroseconds = 0.6;
export const byteMicroseconds = 0.02;
/** Introspection's values take longer: each is computed from the schema as it is asked. */
export const introspectionValueMicroseconds = 1.2;

/** The reach of a selection: how many objects it is asked of, and whether they are sure to be distinct. */
interface Reach {
  count: number;
  distinct: boolean;
}

/** How to count one introspection field, whatever object it is asked of: built once, on first use. */
interface Plan {
  field: GraphQLField<unknown, unknown>;
  /** Its object type; undefined for a leaf. */
  type: GraphQLObjectType | undefined;
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

/** What a connection passes down to its `edges`: the page size asked for, and the lengths it declares. */
interface PageBound {
  size: number;
  length?: Sizes;
}

/**
 * An operation's cost: an upper bound on the number of field values its response can hold, computed from
 * the document and its variables before anything executes: each field counts once per parent
 * item; a list multiplies what is under it by the length of a list argument (`nodes(ids:)`), by
 * its own `first`/`last` (or their defaults), by its connection's `first`/`last` for `edges`, or
 * else by its bound. Page sizes count at most `pageSize`. Introspection (`__schema`, `__type`)
 * counts exactly: the values its answer will hold. Stops counting past `stopAt`.
 */
export function estimate(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
  bounds: ListBounds,
  stopAt = Number.POSITIVE_INFINITY,
): Estimate {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { values: 0, workUs: 0, bytes: 0 };
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
  let bytes = 0;
  let workUs = 0;

  const paged = (field: GraphQLField<unknown, unknown>) =>
    field.args.some((argument) => argument.name === 'first' || argument.name === 'last');
  const pageOf = (field: GraphQLField<unknown, unknown>, args: Record<string, unknown>) => {
    const requested = ['first', 'last']
      .map((name) => args[name] ?? field.args.find((argument) => argument.name === name)?.defaultValue)
      .find((value): value is number => Number.isInteger(value) && (value as number) > 0);
    return Math.min(requested ?? bounds.pageSize, bounds.pageSize);
  };
  const listLength = (
    field: GraphQLField<unknown, unknown>,
    args: Record<string, unknown>,
    page: PageBound | undefined,
  ) => {
    for (const value of Object.values(args)) if (Array.isArray(value)) return value.length;
    if (paged(field)) return pageOf(field, args);
    if (field.name === 'edges' && page !== undefined) return Math.min(page.size, page.length?.largest ?? page.size);
    return costOf(field.extensions)?.length?.largest ?? bounds.otherwise;
  };
  const fragmentOf = (selection: FragmentSpreadNode | InlineFragmentNode) =>
    selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;

  // The schema is static and introspection's resolvers are pure (they read only `info.schema`), so
  // introspection is counted on the very values execution will return, `items` times over.
  const info = { schema } as GraphQLResolveInfo;
  const planOf = (nodes: readonly FieldNode[], field: GraphQLField<unknown, unknown> | undefined): Plan | undefined => {
    if (!field) return undefined;
    const type = getNamedType(field.type);
    // Validation has made every node of one response key ask with the same arguments. Their
    // defaults need no filling in: `includeDeprecated: false` acts as if absent.
    return { field, type: isObjectType(type) ? type : undefined, nodes, args: argumentValues(nodes[0]!, values) };
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
    workUs += items * (introspectionValueMicroseconds - valueMicroseconds);
    if (!plan) return;
    const node = plan.nodes[0]!;
    bytes += items * keyBytes(node);
    const value: unknown = (plan.field.resolve ?? defaultFieldResolver)(source, plan.args, undefined, info);
    const type = plan.type;
    if (!type) return void (bytes += items * jsonBytes(value));
    if (!plan.children) {
      const groups = new Map<string, FieldNode[]>();
      const spread = new Set<string>();
      for (const merged of plan.nodes) gather(merged.selectionSet, type, groups, spread);
      plan.children = [...groups.values()].map((nodes) => planOf(nodes, type.getFields()[nodes[0]!.name.value]));
    }
    if (Array.isArray(value)) bytes += items * 2;
    for (const item of Array.isArray(value) ? value : [value]) {
      // `{}` and a comma, or `null`.
      bytes += items * (item == null ? 4 : 3);
      if (item == null) continue;
      for (const child of plan.children) {
        if (total > stopAt) return;
        introspect(child, item, items);
      }
    }
  };

  // What an introspection field holds is the same for the same selection, fragments and variables:
  // counted once, it is known (an attacker varying only a comment no longer costs a walk each time).
  let fragmentsText: string | undefined;
  const introspected = (selection: FieldNode, meta: GraphQLField<unknown, unknown>, items: number) => {
    fragmentsText ??= [...fragments.values()].map((fragment) => print(fragment)).join('\n');
    const key = `${print(selection)}\n${fragmentsText}\n${JSON.stringify(values)}`;
    const known = key.length <= longestIntrospectionKey ? introspections(schema).get(key) : undefined;
    if (known) {
      total += items * known.values;
      bytes += items * known.bytes;
      workUs += items * known.values * (introspectionValueMicroseconds - valueMicroseconds);
      return;
    }
    const before = { values: total, bytes };
    introspect(planOf([selection], meta), undefined, items);
    if (items === 1 && total <= stopAt && key.length <= longestIntrospectionKey)
      introspections(schema).set(key, { values: total - before.values, bytes: bytes - before.bytes });
  };

  /**
   * Counts one field of the schema's own types asked of `items` objects (for MAX_COST, every list
   * at its bound) that are, for the bytes and the work, `reach`: its cost (schema/cost.ts) bounds
   * a list by the lengths the catalogue holds, and distinct objects by the largest of its values.
   */
  const field = (
    selection: FieldNode,
    parent: GraphQLObjectType | GraphQLInterfaceType,
    items: number,
    reach: Reach,
    page: PageBound | undefined,
  ) => {
    total += items;
    bytes += reach.count * keyBytes(selection);
    const definition = parent.getFields()[selection.name.value];
    if (!definition) return;
    const declared = costOf(definition.extensions);
    const args = argumentValues(selection, values);
    if (declared?.work) workUs += reach.count * declared.work(args);
    const type = getNullableType(definition.type);
    const list = isListType(type);
    const count = list ? listLength(definition, args, page) : 1;
    let reached = reach.count * count;
    if (list && declared?.length) reached = Math.min(reached, declared.length.total(reach.count, reach.distinct));
    // A connection's own declared length bounds its edges over all its parents (a code's symptoms).
    if (list && definition.name === 'edges' && page?.length)
      reached = Math.min(reached, page.length.total(reach.count, reach.distinct));
    // One leaf value per parent is as distinct as its parents; anything else is distinct only when owned.
    const leaf = !list && !selection.selectionSet;
    const inner = { count: reached, distinct: reach.distinct && (leaf || declared?.owned === true) };
    // `[]` around a list, a comma after each item, `{}` around each object.
    if (list) bytes += reach.count * 2 + inner.count;
    if (!selection.selectionSet) return void (bytes += declared?.bytes?.total(inner.count, inner.distinct) ?? 0);
    bytes += inner.count * 2;
    // A connection passes its page size down to its `edges`.
    walk(
      selection.selectionSet,
      getNamedType(type),
      items * count,
      inner,
      !list && paged(definition) ? { size: pageOf(definition, args), length: declared?.length } : undefined,
    );
  };

  // Both walks recurse on the document's nesting, fragments included, and never on variable values:
  // the token limit bounds that nesting (the depth limit skips `__schema`), and validation rules out
  // fragment cycles.
  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    items: number,
    reach: Reach,
    page?: PageBound,
  ): void => {
    for (const selection of selectionSet.selections) {
      if (total > stopAt) return;
      if (selection.kind === Kind.FIELD) {
        // graphql-js answers these on the query type only, but wherever that type appears.
        const meta = parent === schema.getQueryType() ? metaFields.get(selection.name.value) : undefined;
        if (meta) introspected(selection, meta, items);
        else if (isObjectType(parent) || isInterfaceType(parent)) field(selection, parent, items, reach, page);
        else total += items;
      } else {
        const fragment = fragmentOf(selection);
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        walk(fragment.selectionSet, condition ?? undefined, items, reach, page);
      }
    }
  };
  walk(operation.selectionSet, root, 1, { count: 1, distinct: true });
  return { values: total, workUs: workUs + total * valueMicroseconds + bytes * byteMicroseconds, bytes };
}

/** Introspection selections counted, by schema: at most 256, each keyed by at most 16 KB of text. */
const longestIntrospectionKey = 16 * 1024;
const introspectionCounts = new WeakMap<GraphQLSchema, LRUCache<string, { values: number; bytes: number }>>();
function introspections(schema: GraphQLSchema) {
  let counts = introspectionCounts.get(schema);
  if (!counts) introspectionCounts.set(schema, (counts = new LRUCache({ max: 256 })));
  return counts;
}

/** The field values of {@link estimate}: the MAX_COST count. */
export const estimateCost = (...args: Parameters<typeof estimate>): number => estimate(...args).values;

/** A response key's bytes in JSON: `"key":` and a comma. */
const keyBytes = (node: FieldNode) => (node.alias?.value ?? node.name.value).length + 4;

/**
 * Operations estimated to take more than this run one at a time, in the order they came: a lookup
 * then waits behind at most one of them, however many clients send the heaviest requests the
 * limits accept (bench/fairness.ts). Lighter ones run at once.
 */
export const heavyWorkUs = 5_000;

/** `execute` made to wait its turn behind every other call of this one's kind, and release it however it ends. */
function oneAtATime<Execute extends (...args: never[]) => unknown>(execute: Execute): Execute {
  return (async (...args: Parameters<Execute>) => {
    const previous = turn;
    let done!: () => void;
    turn = new Promise<void>((resolve) => (done = resolve));
    await previous;
    try {
      return await execute(...args);
    } finally {
      done();
    }
  }) as Execute;
}
let turn = Promise.resolve();

/** The limits of the cost model, each for a whole request (a batch's operations share them). */
export interface CostLimits {
  /** MAX_COST: field values. */
  cost: number;
  /** MAX_WORK_MS: server time in milliseconds. */
  workMs: number;
  /** MAX_ANSWER_BYTES: bytes of the answer. */
  answerBytes: number;
}

const figure = (value: number) => Math.ceil(value).toLocaleString('en-US');

/** Values are counted exactly up to four times MAX_COST, so an error can say by how much; past that the walk stops. */
const countUpTo = (maxCost: number) => 4 * maxCost;

/** The first limit an estimate passes, as the error that says which and by how much; undefined within them all. */
function overLimit(spent: Estimate, limits: CostLimits): GraphQLError | undefined {
  const over = (limit: string, estimate: number, maximum: number, message: string) =>
    new GraphQLError(
      `${message} Ask for fewer fields, smaller pages, fewer ids, shorter searches or fewer operations in a batch.`,
      {
        extensions: { code: 'MAX_COST_EXCEEDED', limit, estimate: Math.ceil(estimate), maximum, http: { status: 400 } },
      },
    );
  if (spent.values > limits.cost) {
    const counted =
      spent.values > countUpTo(limits.cost) ? `more than ${figure(countUpTo(limits.cost))}` : figure(spent.values);
    return over(
      'MAX_COST',
      Math.min(spent.values, countUpTo(limits.cost)),
      limits.cost,
      `Query cost limit exceeded: with every list at its largest, the response could hold ${counted} field values, and the limit is ${figure(limits.cost)}.`,
    );
  }
  if (spent.bytes > limits.answerBytes)
    return over(
      'MAX_ANSWER_BYTES',
      spent.bytes,
      limits.answerBytes,
      `Answer size limit exceeded: with every list at its largest, the response could hold ${figure(spent.bytes)} bytes, and the limit is ${figure(limits.answerBytes)}.`,
    );
  const workMs = spent.workUs / 1000;
  if (workMs > limits.workMs)
    return over(
      'MAX_WORK_MS',
      workMs,
      limits.workMs,
      `Query work limit exceeded: by the cost model this request could take ${figure(workMs)} ms of server time, and the limit is ${figure(limits.workMs)} ms.`,
    );
  return undefined;
}

/**
 * Refuses, before execution, an operation whose estimate passes a limit: more field values than
 * MAX_COST with every list at its largest (the model of GitHub's node limit), more server time
 * than MAX_WORK_MS or more bytes than MAX_ANSWER_BYTES by the fields' declared costs. It runs once
 * variables are known, so `first: $n`, `nodes(ids: $ids)` and a search's query count, and it sees
 * the StatusCode.class ↔ StatusClass.codes cycle, where each level multiplies the answer by a
 * whole class of codes. graphql-armor's cost rule sees neither, and it weighs a literal
 * `first: 1000000` at face value, pre-empting the field's own clearer "first must be between 1 and 100".
 */
export function useCostLimit(limits: CostLimits, bounds: ListBounds): Plugin {
  // The operations of one request share one budget: a batch of ten may not cost ten times as much.
  // No cache of estimates: they are cheap, and one keyed by variables would grow with what clients send.
  const spent = new WeakMap<Request, Estimate>();
  return {
    onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const { schema, document, operationName, variableValues, contextValue } = args as ExecutionArgs;
      const { request } = contextValue as { request: Request };
      const before = spent.get(request) ?? { values: 0, workUs: 0, bytes: 0 };
      const cost = estimate(
        schema,
        document,
        operationName,
        variableValues,
        bounds,
        countUpTo(limits.cost) - before.values,
      );
      const total = {
        values: before.values + cost.values,
        workUs: before.workUs + cost.workUs,
        bytes: before.bytes + cost.bytes,
      };
      const error = overLimit(total, limits);
      // What is refused does not run, so it spends nothing of the budget.
      if (error) return setResultAndStopExecution({ errors: [error] });
      spent.set(request, total);
      if (cost.workUs > heavyWorkUs) setExecuteFn(oneAtATime(executeFn));
    },
  };
}
