import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/** The request media types yoga parses (multipart is turned off: there are no uploads). */
export const acceptedRequestTypes =
  'application/json, application/graphql+json, application/graphql, application/x-www-form-urlencoded';

/** graphql-js 16 only finds out at execution that the schema has no mutation type, and answers 200. */
function knownOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(
          new GraphQLError(`The ${node.operation} operation is not supported by the schema.`, { nodes: node }),
        );
      }
    },
  };
}

/** A value quoted back in a message is cut to this many characters. */
const quotedLength = 40;
const quoted = /"([^"]*)"/g;

/**
 * graphql-js quotes what was sent in its messages (`got invalid value "…"`); a 90 kB value would
 * come back whole, twice. Quoted runs are cut short, and the message to 300 characters.
 */
export function withoutLongEchoes(message: string): string {
  const cut = message.replace(quoted, (whole, inside: string) =>
    inside.length > quotedLength ? `"${inside.slice(0, quotedLength)}…"` : whole,
  );
  return cut.length > 300 ? `${cut.slice(0, 299)}…` : cut;
}

const malformed = () =>
  new GraphQLError('Malformed request: the body, or the variables or extensions in the URL, are not valid JSON.', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });

/**
 * Malformed requests get a 4xx with a JSON GraphQL error body, whatever the client accepts, and a
 * fixed message that never quotes the request back:
 *
 * - a POST in a media type no parser reads gets 415 with an error and `Accept` (RFC 9110
 *   §15.5.16), where yoga answers an empty 415;
 * - a body or URL parameter that does not parse gets 400, without the parser's own message (it
 *   quotes the input) or its original error;
 * - a batch entry that is not an object is a 400 of its own, never an internal error;
 * - an operation type the schema lacks (`mutation`) is a validation error, as in graphql-js 17;
 * - request errors (no query, unparsable or invalid document, refused by a limit) keep their 400
 *   even for `Accept: application/json`, where the GraphQL over HTTP spec's legacy rule would
 *   answer 200. Errors raised while executing, which come with `data`, keep the spec's 200;
 * - variables that do not fit their types are `BAD_USER_INPUT` (graphql-js gives them no code);
 * - no message quotes a long value of the request back ({@link withoutLongEchoes}).
 */
export function useRequestErrors(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!requestParser) {
        if (request.method !== 'POST') return;
        throw new GraphQLError(`Unsupported Media Type: send the request body as one of ${acceptedRequestTypes}.`, {
          extensions: {
            code: 'UNSUPPORTED_MEDIA_TYPE',
            http: { status: 415, headers: { accept: acceptedRequestTypes } },
          },
        });
      }
      setRequestParser(async (parsing) => {
        try {
          return await requestParser(parsing);
        } catch {
          throw malformed();
        }
      });
    },
    // A batch entry that is not an object (`null`, `1`, `[]`) is the client's mistake: a 400 of
    // its own, before any plugin reads its fields.
    onParams({ params }) {
      if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        throw new GraphQLError('Bad Request: each operation is a JSON object holding a query or a documentId.', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      }
    },
    onValidate({ addValidationRule }) {
      addValidationRule(knownOperationTypes);
    },
    onResultProcess({ result }) {
      if (isAsyncIterable(result)) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of single.errors ?? []) {
          error.message = withoutLongEchoes(error.message);
          if ('data' in single) continue;
          const http = error.extensions?.['http'];
          if (http?.spec) {
            http.spec = false;
            http.status ??= 400;
          }
          if (error.extensions['code'] === undefined && error.message.startsWith('Variable "$')) {
            (error.extensions as Record<string, unknown>)['code'] = 'BAD_USER_INPUT';
          }
        }
      }
    },
  };
}
