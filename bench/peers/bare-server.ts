import { createServer } from 'node:http';
import { catalogue } from '../../catalogue/catalogue.js';
import { classOf } from '../../catalogue/classes.js';
import { matchesFilter } from '../../catalogue/filter.js';
import { createSearch } from '../../catalogue/search.js';
import { operations, postBody, type OperationId } from '../operations.js';
import { listenAddress } from './listen-address.js';

/**
 * The ceiling: a hand-rolled endpoint that knows the three operations and answers each with JSON
 * built once from the catalogue at start-up. It still reads every request body and routes on it.
 */
function answerOf(id: OperationId): unknown {
  if (id === 'lookup') {
    const record = catalogue.byCode.get(404)!;
    const { code, phrase, description, commonUsage } = record;
    return { statusCode: { code, phrase, description, commonUsage, statusClass: { range: classOf(code)!.range } } };
  }
  if (id === 'list') {
    const codes = catalogue.codes.filter((record) => matchesFilter(record, { classes: ['CLIENT_ERROR'] }));
    return {
      statusCodes: {
        totalCount: codes.length,
        edges: codes.slice(0, 50).map(({ code, phrase }) => ({ node: { code, phrase } })),
      },
    };
  }
  const hits = createSearch(catalogue)('not found').slice(0, 10);
  return { search: { edges: hits.map(({ score, record: { code, phrase } }) => ({ score, node: { code, phrase } })) } };
}

const answers = new Map(
  operations.map((operation) => [postBody(operation), Buffer.from(JSON.stringify({ data: answerOf(operation.id) }))]),
);
const unknown = Buffer.from(
  JSON.stringify({ errors: [{ message: 'This endpoint serves the bench operations only.' }] }),
);

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const answer =
      request.method === 'POST' && request.url === '/graphql'
        ? answers.get(Buffer.concat(chunks).toString())
        : undefined;
    response.writeHead(answer ? 200 : 400, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': (answer ?? unknown).length,
    });
    response.end(answer ?? unknown);
  });
});

const { port, host } = listenAddress();
server.listen(port, host, () => console.log(`bare peer on http://${host}:${port}/graphql`));
