/** Where a peer listens: PORT (required, as the bench picks a free one) on HOST, loopback by default. */
export function listenAddress(): { port: number; host: string } {
  const port = Number(process.env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT must be set to a port number');
  return { port, host: process.env['HOST'] ?? '127.0.0.1' };
}
