export type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined>;

/** Creates an element; text children become text nodes, so data is never parsed as HTML. */
export function h<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false)
      element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with the words that start with a matched search term wrapped in <mark>. */
export function highlight(text: string, terms: readonly string[]): (string | HTMLElement)[] {
  const words = terms.filter((term) => term.length > 1).map(escapeRegExp);
  if (!words.length) return [text];
  const pattern = new RegExp(`\\b(?:${words.join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const parts: (string | HTMLElement)[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index), h('mark', null, match[0]));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.filter((part) => part !== '');
}

/** How long "Copied" shows before the button reads "Copy" again. */
const copiedMs = 2000;

/** A button that copies `text` and says so for two seconds ("Select and copy" where the clipboard is refused). */
export function copyButton(text: string, className: string, label: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: className, 'aria-label': label }, 'Copy');
  button.addEventListener('click', () => {
    const shown = (said: string) => {
      button.textContent = said;
      setTimeout(() => (button.textContent = 'Copy'), copiedMs);
    };
    (navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'))).then(
      () => shown('Copied'),
      () => shown('Select and copy'),
    );
  });
  return button;
}

/** A section's heading with an anchor to link to it: `/429#headers`. */
export function sectionHeading(title: string, id: string): HTMLElement {
  return h(
    'h3',
    { id },
    title,
    ' ',
    h('a', { class: 'anchor', href: `#${id}`, 'aria-label': `Link to ${title}` }, '#'),
  );
}
