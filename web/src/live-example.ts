import { h } from './dom.js';

/** The raw answer as a terminal shows it: the status line, the headers, a blank line and the body. */
async function rawAnswer(path: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { cache: 'no-store' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `No answer the browser will show (${reason}): the connection closed without one, as nginx's 444 does, or fetch refused it, as it refuses a 407 from a server that is not a proxy. Run the curl line to see what your own client gets.`;
  }
  const lines: string[] = [];
  // fetch() follows redirects and never shows one to a script.
  if (response.redirected)
    lines.push(`(The browser followed a redirect to ${new URL(response.url).pathname}; this is where it ended.)`, '');
  lines.push(`HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd());
  response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  lines.push('', await response.text());
  return lines.join('\n');
}

/** A code's live example: a `curl -i` line to copy, and a button that sends it and shows the raw answer. */
export function liveExample(path: string): HTMLElement {
  const command = `curl -i ${location.origin}${path}`;
  const copy = h('button', { type: 'button', class: 'live-copy' }, 'Copy');
  const send = h('button', { type: 'button', class: 'live-send' }, 'Send it');
  const answer = h('pre', {
    class: 'live-answer',
    tabindex: 0,
    'aria-live': 'polite',
    'aria-label': 'The answer',
    hidden: true,
  });
  copy.addEventListener('click', () => {
    navigator.clipboard?.writeText(command).then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Select and copy'),
    );
  });
  send.addEventListener('click', () => {
    send.disabled = true;
    answer.hidden = false;
    answer.textContent = 'Sending…';
    void rawAnswer(path).then((text) => {
      answer.textContent = text;
      send.disabled = false;
    });
  });
  return h(
    'section',
    { class: 'live-example' },
    h('h3', null, 'Try it live'),
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
