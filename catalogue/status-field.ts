/**
 * Where a pasted line says its own status: the code in that position is the line's answer, whatever
 * other numbers (sizes, durations, a vendor's error number) stand around it. Each pattern captures
 * a three-digit code of the five classes.
 */
const statusPositions: readonly RegExp[] = [
  // A status line, as curl -v, a raw response or an exception prints it: "< HTTP/2 308", "HTTP/1.1 503 Service Unavailable".
  /\bHTTP\/[\d.]+\s+([1-5]\d\d)\b/i,
  // The common and combined log formats: the status follows the quoted request line ("GET /a HTTP/1.1" 404 1234).
  /"[A-Z]+ \S+ HTTP\/[\d.]+"\s+([1-5]\d\d)\b/,
  // key=value and JSON logs: Heroku's router (status=503), "status":429, "statusCode": 404, status_code="502",
  // http.status_code=500; and Firefox's console after a CORS error, "Status code: 502".
  /(?:^|[\s,{;"'(])(?:http[._]?)?status(?:[._ ]?code)?["']?\s*[:=]\s*["']?([1-5]\d\d)\b/i,
  // HTTP clients' exceptions: Guzzle's "resulted in a `410 Gone` response", axios' "Request failed
  // with status code 404", Laravel's "HTTP request returned status code 422", .NET's "Response status
  // code does not indicate success: 503".
  /\bresulted in an? `([1-5]\d\d)\b/,
  /\b(?:failed with|returned) status code ([1-5]\d\d)\b/i,
  /\bdoes not indicate success: ([1-5]\d\d)\b/,
  // A test runner's failed assertion, whose actual status is the answer, not the one expected:
  // Jest's "Expected: 201 / Received: 400", supertest's 'expected 200 "OK", got 404 "Not Found"',
  // Postman's "expected response to have status code 200 but got 500", Chai's "expected 404 to equal 200".
  /\bReceived:\s+([1-5]\d\d)\b/,
  // Go's table tests: "handler returned wrong status code: got 400 want 201".
  /\bgot:?\s+([1-5]\d\d),?\s+want\b/i,
  /\bexpected\b[^\n]{0,80}?\bgot\s+"?([1-5]\d\d)\b/i,
  /\bexpected ([1-5]\d\d) to (?:equal|be|deeply equal) [1-5]\d\d\b/,
  // Dev servers' request logs: the status after the method and path, before the time taken (morgan's
  // "POST /api/orders 500 12.345 ms - 52", Next.js's "GET /api/me 401 in 35ms"), or in brackets
  // before them (the Stripe CLI forwarding an event: "<--  [500] POST http://localhost:4242/webhook").
  /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\/\S*\s+([1-5]\d\d)\s+(?:in\s+)?\d+(?:\.\d+)?\s?m?s\b/,
  /\[([1-5]\d\d)\]\s+(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S/,
  // AWS load balancers: the ELB's own status after the three processing times, -1 for one that did not happen ("0.001 0.002 -1 502 -").
  /\s(?:-1|\d+\.\d+)\s+(?:-1|\d+\.\d+)\s+(?:-1|\d+\.\d+)\s+([1-5]\d\d)\s/,
];

/**
 * Where a line says its status by its phrase instead: .NET's HttpStatusCode names, as Cosmos DB's
 * exception prints them ("does not indicate success: Conflict"), JSON's "status":"Not Found",
 * Ktor's "Client request(GET …) invalid: Unauthorized.". Each pattern captures the name.
 */
const phrasePositions: readonly RegExp[] = [
  /\bdoes not indicate success: ([A-Z][A-Za-z]+)\b/,
  /(?:^|[\s,{;"'(])status(?:[._ ]?code)?["']?\s*[:=]\s*["']?([A-Z][A-Za-z ]*[a-z])\b/,
  /\brequest\([^)]*\) invalid: ([A-Z][A-Za-z ]*[a-z])\./,
];

/**
 * A GraphQL response that holds data beside its errors: the errors are its fields', and the
 * response itself was a 200 (GraphQL over HTTP, "Response"), whatever codes the errors name
 * (GitHub's `"type":"NOT_FOUND"`).
 */
const graphqlData = /"data"\s*:\s*[{[]/;
const graphqlErrors = /"errors"\s*:\s*\[/;

/**
 * A problem details body's "type" that links the section defining its status: ASP.NET Core's
 * "https://tools.ietf.org/html/rfc9110#section-15.5.1" is a 400.
 */
const sectionLink = /"type"\s*:\s*"[^"]*\brfc(\d{4})(?:\.html)?#section-(\d+(?:\.\d+)*)"/i;

/**
 * The status a pasted line carries in a status position, or undefined when it has none;
 * `statusOfSection` says which code a section defines ("RFC 9110 15.5.1"), `statusOfPhrase` which
 * code a phrase names ("Conflict", "NotFound").
 */
export function ownStatus(
  line: string,
  statusOfSection: (section: string) => number | undefined,
  statusOfPhrase: (phrase: string) => number | undefined,
): number | undefined {
  for (const pattern of statusPositions) {
    const match = pattern.exec(line);
    if (match) return Number(match[1]);
  }
  for (const pattern of phrasePositions) {
    const named = statusOfPhrase(pattern.exec(line)?.[1] ?? '');
    if (named !== undefined) return named;
  }
  const link = sectionLink.exec(line);
  const linked = link && statusOfSection(`RFC ${link[1]} ${link[2]}`);
  if (linked) return linked;
  return graphqlData.test(line) && graphqlErrors.test(line) ? 200 : undefined;
}
