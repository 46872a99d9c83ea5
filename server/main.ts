import { createServer } from 'node:http';
import { loadConfig } from './config.js';
import { createStatusqlYoga } from './yoga.js';

const config = loadConfig();
const yoga = createStatusqlYoga();
const server = createServer(yoga);

server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`StatusQL: GraphiQL at http://localhost:${port}${yoga.graphqlEndpoint}`);
});
