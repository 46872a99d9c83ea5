import Fastify from 'fastify';
import mercurius from 'mercurius';
import { listenAddress } from './listen-address.js';
import { resolvers, typeDefs } from './resolvers.js';

// fastify + mercurius with graphql-jit: a query is compiled on its first execution (`jit: 1`).
// Fastify's default is no log; FASTIFY_LOGGER=1 turns on what its docs recommend in production,
// `logger: true`: pino at info on stdout, which writes two lines a request, synchronously.
const app = Fastify({ logger: process.env['FASTIFY_LOGGER'] === '1' });
await app.register(mercurius, { schema: typeDefs, resolvers, jit: 1, path: '/graphql', graphiql: false });
const { port, host } = listenAddress();

await app.listen({ port, host });
console.log(`mercurius peer on http://${host}:${port}/graphql`);
