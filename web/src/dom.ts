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
