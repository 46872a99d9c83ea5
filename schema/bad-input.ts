import { GraphQLError } from 'graphql';

/** What a refused argument broke, so a client can show the limit without parsing the message. */
export interface InputProblem {
  /** The argument, or its path inside an input: "query", "filter.codes". */
  argument: string;
  /** MAX_LENGTH, MIN_LENGTH, MAX, MIN, MAX_ITEMS, MIN_ITEMS, RANGE, TYPE, CHARACTERS, CURSOR or ONE_OF. */
  constraint: string;
  /** The bound that was crossed, when there is one: 1000 for a query over 1,000 characters. */
  limit?: number;
}

/** A `BAD_USER_INPUT` error whose extensions name the argument, the constraint and its limit. */
export function badInput(message: string, problem: InputProblem): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...problem } });
}

/** The parts of a Standard Schema issue (zod's) that say what was refused. */
interface Issue {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[];
  code?: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  params?: { constraint?: string; limit?: number };
}

const bounds: Record<string, Record<string, string>> = {
  too_big: { string: 'MAX_LENGTH', array: 'MAX_ITEMS', number: 'MAX', int: 'MAX' },
  too_small: { string: 'MIN_LENGTH', array: 'MIN_ITEMS', number: 'MIN', int: 'MIN' },
};

/** The problem one validation issue describes. */
export function problemOf(issue: Issue): InputProblem {
  const argument = (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.');
  const limit = issue.params?.limit ?? issue.maximum ?? issue.minimum;
  return {
    argument,
    constraint: issue.params?.constraint ?? bounds[issue.code ?? '']?.[issue.origin ?? ''] ?? 'TYPE',
    ...(limit === undefined ? {} : { limit: Number(limit) }),
  };
}
