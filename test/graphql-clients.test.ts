import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { GraphQLClient, gql as gqlRequest } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.js';

/**
 * Clients people already use, with ad-hoc queries rather than the SDK's documents (those are in
 * sdk-snippets.test.ts; automatic persisted queries in automatic-persisted-queries.test.ts).
 */
describe('GraphQL clients against a real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("Apollo Client 4's BatchHttpLink: two queries in one POST, each with its own answer", async () => {
    const bodies: unknown[] = [];
    const link = new BatchHttpLink({
      uri: server.url,
      batchInterval: 20,
      fetch: async (input, init) => {
        bodies.push(JSON.parse(init?.body as string));
        return fetch(input, init);
      },
    });
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    const phrase = gql`
      query Phrase($code: Int!) {
        statusCode(code: $code) {
          id
          phrase
        }
      }
    `;
    const [notFound, tooMany] = await Promise.all([
      client.query({ query: phrase, variables: { code: 404 } }),
      client.query({ query: phrase, variables: { code: 429 } }),
    ]);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toHaveLength(2);
    expect(notFound.data).toMatchObject({ statusCode: { phrase: 'Not Found' } });
    expect(tooMany.data).toMatchObject({ statusCode: { phrase: 'Too Many Requests' } });
  });

  it('graphql-request 7 with a query of its own, by POST and by GET', async () => {
    const query = gqlRequest`
      query Search($query: String!) {
        search(query: $query, first: 1) {
          edges {
            node {
              code
            }
          }
        }
      }
    `;
    for (const method of ['POST', 'GET'] as const) {
      const client = new GraphQLClient(server.url, { method });
      const data = await client.request<{ search: { edges: { node: { code: number } }[] } }>(query, {
        query: 'rate limit',
      });
      expect(data).toEqual({ search: { edges: [{ node: { code: 429 } }] } });
    }
  });

  it('graphql-request sees a GraphQL error as its ClientError, with the code', async () => {
    const client = new GraphQLClient(server.url);
    const error = await client.request('{ statusCode(code: 404) { nope } }').catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({
      response: { status: 400, errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
    });
  });
});
