import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import { schema } from '../schema/index.js';
import { graphiqlDefaultQuery } from './graphiql-query.js';
import { loadTrustedDocuments, useTrustedDocuments } from './use-trusted-documents.js';

type StatusqlYoga = YogaServerInstance<Record<string, unknown>, Record<string, unknown>>;

/** Pothos rejects bad cursors and global ids with its own error class: that is the caller's mistake. */
function maskUnexpected(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return maskError(error, message, isDev);
}

/** The StatusQL GraphQL app; it opens no port (see main.ts). */
export function createStatusqlYoga(): StatusqlYoga {
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'StatusQL', defaultQuery: graphiqlDefaultQuery },
    maskedErrors: { maskError: maskUnexpected },
    // `documentId` carries a trusted document's hash (see use-trusted-documents.ts).
    extraParamNames: ['documentId'],
    plugins: [useTrustedDocuments(loadTrustedDocuments(), process.env['TRUSTED_DOCUMENTS'] === 'only')],
  });
}
