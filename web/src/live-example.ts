import { copyButton, h, sectionHeading } from './dom.js';

/** Why no answer came, as far as a page can tell: only 444 and 407 are sent to end that way. */
function noAnswer(code: number, reason: string): string {
  if (code === 444)
    return "No answer, as nginx's 444 means: the server closed the connection without one. Run the curl line to see it close.";
  if (code === 407)
    return 'No answer the browser will show: fetch refuses a 407 from a server that is not a proxy. Run the curl line to see it.';
  return `The server did not answer (${reason}): it may be down, or the network between you may be. Try again, or run the curl line.`;
}

/** The headers in order: the code's own first (Retry-After for a 429), then the rest as sent. */
function ordered(headers: Headers, own: readonly string[]): [string, string][] {
  const rank = (name: string) => {
    const index = own.findIndex((header) => header.toLowerCase() === name);
    return index === -1 ? own.length : index;
  };
  return [...headers].sort(([a], [b]) => rank(a) - rank(b));
}

/** A JSON body over several lines, as a person reads it; any other body as it came. */
function readable(body: string, type: string | null): string {
  if (!type?.includes('json')) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The raw answer as a terminal shows it: the status line, the headers, a blank line and the body. */
async function rawAnswer(path: string, code: number, own: readonly string[]): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { cache: 'no-store' });
  } catch (error) {
    return noAnswer(code, error instanceof Error ? error.message : String(error));
  }
  const lines: string[] = [];
  // fetch() follows redirects and never shows one to a script.
  if (response.redirected)
    lines.push(`(The browser followed a redirect to ${new URL(response.url).pathname}; this is where it ended.)`, '');
  lines.push(`HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd());
  for (const [name, value] of ordered(response.headers, own)) lines.push(`${name}: ${value}`);
  lines.push('', readable(await response.text(), response.headers.get('content-type')));
  return lines.join('\n');
}

/** A code's live example: a `curl -i` line to copy, and a button that sends it and shows the raw answer. */
export function liveExample(path: string, code: number, headers: readonly string[]): HTMLElement {
  const command = `curl -i ${location.origin}${path}`;
  const copy = copyButton(command, 'live-copy', 'Copy the curl line');
  const send = h('button', { type: 'button', class: 'live-send' }, 'Send it');
  const answer = h('pre', {
    class: 'live-answer',
    tabindex: 0,
    'aria-live': 'polite',
    'aria-label': 'The answer',
    hidden: true,
  });
  send.addEventListener('click', () => {
    send.disabled = true;
    answer.hidden = false;
    answer.textContent = 'Sending…';
    void rawAnswer(path, code, headers).then((text) => {
      answer.textContent = text;
      send.disabled = false;
    });
  });
  return h(
    'section',
    { class: 'live-example' },
    sectionHeading('Try it live', 'try-it-live'),
    h(
      'p',
      null,
      'This server answers ',
      h('code', null, path),
      ' with this code, its reason phrase and the headers the catalogue lists, whatever the method.',
    ),
    h('div', { class: 'live-command' }, h('code', { class: 'live-curl' }, command), copy),
    h('p', null, send),
    answer,
  );
}
