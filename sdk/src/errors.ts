import { ClientError } from 'graphql-request';

/** A GraphQL error as the server sent it. */
export interface StatusqlGraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/**
 * The one error every SDK method throws: a GraphQL error in the response, an HTTP failure,
 * or no response at all (then `status` is null).
 */
export class StatusqlError extends Error {
  override readonly name = 'StatusqlError';

  constructor(
    message: string,
    /** The HTTP status of the response, or null when none arrived. */
    readonly status: number | null,
    /** The GraphQL errors in the response body, if any. */
    readonly errors: readonly StatusqlGraphQLError[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** `extensions.code` of the first GraphQL error, e.g. "BAD_USER_INPUT". */
  get code(): string | null {
    const code = this.errors[0]?.extensions?.['code'];
    return typeof code === 'string' ? code : null;
  }
}

/** Turns whatever graphql-request or fetch threw into a StatusqlError. */
export function toStatusqlError(error: unknown): StatusqlError {
  if (error instanceof StatusqlError) return error;
  if (error instanceof ClientError) {
    const errors = (error.response.errors ?? []) as StatusqlGraphQLError[];
    const message =
      errors.map((entry) => entry.message).join('; ') || `HTTP ${error.response.status} from the StatusQL API`;
    return new StatusqlError(message, error.response.status, errors, { cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new StatusqlError(`Could not reach the StatusQL API: ${reason}`, null, [], { cause: error });
}
