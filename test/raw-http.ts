import { connect } from 'node:net';

/** An answer read off a raw socket: the status, each header line as sent, and the body. */
export interface RawAnswer {
  status: number;
  /** The status line as sent, reason phrase and all: `HTTP/1.1 404 Not Found`. */
  statusLine: string;
  /** Lower-cased names, every line kept (so a duplicated header shows twice). */
  headers: Array<[string, string]>;
  body: string;
}

/**
 * Sends `request` as typed (so a test can send what fetch() refuses: two Host lines, a Host with a
 * path in it, an absolute-form target) and reads one answer up to the end of the connection, or
 * of its Content-Length. Resolves null when the server closed the connection without answering.
 */
export function rawRequest(port: number, request: string, timeoutMs = 5000): Promise<RawAnswer | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(received));
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const answer = parse(received);
      const length = answer?.headers.find(([name]) => name === 'content-length')?.[1];
      if (answer && length !== undefined && Buffer.byteLength(answer.body) >= Number(length)) finish();
    });
    socket.on('end', finish);
    socket.on('error', finish);
    socket.write(request);
  });
}

function parse(bytes: Buffer): RawAnswer | null {
  const text = bytes.toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  if (end === -1) return null;
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  });
  return { status: Number(statusLine.split(' ')[1]), statusLine, headers, body: text.slice(end + 4) };
}

/**
 * Sends `request` and resolves with every byte the server sent, as text, once it closes the
 * connection (so send `Connection: close`): interim 1xx answers, the final one and its body.
 */
export function rawExchange(port: number, request: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server did not close the connection within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', finish);
    socket.on('error', () => undefined);
    socket.write(request);
  });
}
