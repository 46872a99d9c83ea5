/**
 * The parts of a pasted log line that vary from one occurrence to the next: times, addresses,
 * URLs, paths, ids and counters. They say nothing about which error it is, and their digits
 * would read as status codes (the 203 in 203.0.113.9, the 101 in a pid), so search drops them
 * before it reads the words. Each pattern is anchored on punctuation no query for a code has.
 */
const noise: readonly RegExp[] = [
  // URLs and host:port pairs: "http://10.0.3.7:8080/v1/orders", "api.example.com:443"; a quoted
  // one ends at its quote, not at the payload's next space.
  /\b[a-z][a-z\d+.-]*:\/\/[^\s"'<>]*/gi,
  // ISO and log dates and times: "2026-11-30T14:02:11.512Z", "2026/11/30", "30/Nov/2026:14:02:11 +0000", "14:02:11,512".
  /\b\d{4}[-/]\d\d[-/]\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?)?/g,
  /\b\d\d\/[A-Z][a-z]{2}\/\d{4}(?::\d\d){0,3}(?:[.,]\d+)?(?:\s[+-]\d{4})?/g,
  /\b\d\d?:\d\d(?::\d\d)?(?:[.,]\d+)?\b/g,
  // IPv4 with an optional port or mask, and IPv6 ("2001:db8::1", "[::1]:8080").
  /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+|\/\d+)?\b/g,
  /\[?(?<![\w:])(?=[\w:]*\d)(?:[\da-f]{0,4}:){2,7}[\da-f]{0,4}(?![\w:])(?:\]:\d+)?/gi,
  // Host names under the common top-level domains: "api.example.com", "myapp.herokuapp.com".
  /\b(?:[a-z\d-]+\.)+(?:com|net|org|io|dev|app|co|uk|de|cloud|internal|local|example|test)\b/gi,
  // UUIDs and long hex ids: request ids, trace ids, Cloudflare Ray ids.
  /\b[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}\b/gi,
  /\b(?=[a-f]*\d)[\da-f]{12,}(?:-[a-z]{3})?\b/gi,
  // File paths and request paths: "/var/www/index.php", "C:\inetpub\wwwroot".
  /(?<![\w.])(?:[a-z]:\\|\/)[^\s"',;)]*[/\\.][^\s"',;)]*/gi,
  // Ports and source positions after a name: "localhost:3000", "node:_http_client:525:23".
  /(?<=[\w)]):\d+(?::\d+)*\b/g,
  // Process and connection numbers: "2811#2811:", "*90412", "pid 4242", "[pid 4242:tid 140]".
  /\b\d+#\d+:?|\*\d+\b|\b(?:pid|tid)\s*\d+/gi,
  // Timer and counter groups ("10/0/30002/-1/40002" in HAProxy's log) and numbers of five or more
  // digits (byte counts, durations); four-digit ones stay, Cloudflare's errors are numbered 1000-1999.
  /\b-?\d+(?:\/[-+]?\d+){2,}\b/g,
  /\b\d{5,}(?:\.\d+)?(?:ms|s|b)?\b/gi,
  // Generated names of hosts, pods and containers: "ip-10-0-12-201", "web-7f9c4-x2kq".
  /\b(?=[\w-]*\d)[a-z\d]+(?:-[a-z\d]+){2,}\b/gi,
  // Decimals and versions: nginx's "excess: 20.500", "nginx/1.25.3", "0.042s".
  /\b\d+(?:\.\d+)+(?:ms|s)?\b/gi,
  // Quantities: a number with a unit of time or size is not a status ("timed out after 100 seconds", "500 MB").
  /\b\d+\s?(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|bytes?|[kmgt]i?b|%|percent)(?![\p{L}\d])/giu,
];

/** `text` with the varying parts of a log line blanked out, word boundaries kept. */
export function withoutLogNoise(text: string): string {
  return noise.reduce((cleaned, pattern) => cleaned.replace(pattern, ' '), text);
}
