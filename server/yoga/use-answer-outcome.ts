import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/** What the Node side of a request learns from yoga about an answer it is given to write. */
export interface AnswerOutcome {
  /** The answer holds one result without errors: it may be stored and, for a GET, cached. */
  succeeded: boolean;
}

/** The server context app.ts passes to `yoga.fetch`. */
export interface AnswerContext {
  outcome?: AnswerOutcome;
  /** The port the request came in on, for links when PUBLIC_URL is unset. */
  localPort?: number;
}

/** Reports through the server context whether the result had no errors; it changes nothing. */
export function useAnswerOutcome(): Plugin {
  return {
    onResultProcess({ result, serverContext }) {
      const { outcome } = serverContext as AnswerContext;
      if (!outcome || Array.isArray(result) || isAsyncIterable(result)) return;
      outcome.succeeded = !result.errors?.length;
    },
  };
}
