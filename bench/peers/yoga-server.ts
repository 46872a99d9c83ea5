import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { listenAddress } from './listen-address.js';
import { resolvers, typeDefs } from './resolvers.js';

// Stock graphql-yoga: SDL plus resolvers, default options, no plugins.
const yoga = createYoga({ schema: createSchema({ typeDefs, resolvers }) });
const { port, host } = listenAddress();

createServer(yoga.requestListener).listen(port, host, () => console.log(`yoga peer on http://${host}:${port}/graphql`));
