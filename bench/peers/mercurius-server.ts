import Fastify from 'fastify';
import mercurius from 'mercurius';
import { listenAddress } from './listen-address.js';
import { resolvers, typeDefs } from './resolvers.js';

// fastify + mercurius with graphql-jit: a query is compiled on its first execution (`jit: 1`).
const app = Fastify({ logger: false });
await app.register(mercurius, { schema: typeDefs, resolvers, jit: 1, path: '/graphql', graphiql: false });
const { port, host } = listenAddress();

await app.listen({ port, host });
console.log(`mercurius peer on http://${host}:${port}/graphql`);
