import { h } from './dom.js';

/** One entry of the suggestion list: a completion and the code it leads to. */
export interface Suggestion {
  code: number;
  text: string;
  /** Where the text comes from, when that is worth saying ("former phrase"). */
  hint: string;
  tone: string;
}

/** A suggestion's text as the list shows it, after its code: a status line ("404 Not Found") already starts with it. */
export const shownText = ({ code, text }: { code: number; text: string }) =>
  text.startsWith(`${code} `) ? text.slice(String(code).length + 1) : text;

/** What the search box asks of the page. */
export interface ComboboxHandlers {
  /** An option was picked with Enter or a click. */
  pick(suggestion: Suggestion): void;
  /** Enter without a picked option: search now. */
  submit(): void;
}

/**
 * The search box as an ARIA combobox with a listbox popup: arrow keys move through the options
 * (focus stays in the input, `aria-activedescendant` names the active one), Enter picks, Escape closes
 * (and a second Escape clears).
 */
export function createCombobox(input: HTMLInputElement, listbox: HTMLUListElement, handlers: ComboboxHandlers) {
  let options: Suggestion[] = [];
  let active = -1;

  const isOpen = () => !listbox.hidden;

  function setActive(index: number): void {
    active = index;
    listbox.querySelectorAll('[role=option]').forEach((option, position) => {
      option.setAttribute('aria-selected', String(position === index));
      if (position === index) option.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) input.setAttribute('aria-activedescendant', `suggestion-${index}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function close(): void {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function open(): void {
    if (!options.length) return close();
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  /** Replaces the options; the list opens only while the user is in the search box. */
  function show(next: Suggestion[]): void {
    options = next;
    listbox.replaceChildren(
      ...options.map((option, index) =>
        h(
          'li',
          { id: `suggestion-${index}`, role: 'option', 'aria-selected': 'false', 'data-index': index },
          h('span', { class: `code ${option.tone}` }, option.code),
          ' ',
          shownText(option),
          option.hint && h('span', { class: 'hint' }, option.hint),
        ),
      ),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (document.activeElement === input && input.value.trim()) open();
    else close();
  }

  // Esc first closes the list (or, closed, does nothing yet); only a second Esc in a row clears the
  // box, so one press never loses a pasted log line.
  let escaped = false;
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const again = escaped;
    escaped = event.key === 'Escape';
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!options.length) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (!isOpen()) {
          open();
          setActive(step === 1 ? 0 : options.length - 1);
        } else {
          setActive((active + step + options.length + (active < 0 && step === -1 ? 1 : 0)) % options.length);
        }
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const option = isOpen() ? options[active] : undefined;
        close();
        if (option) handlers.pick(option);
        else handlers.submit();
        return;
      }
      case 'Escape':
        event.preventDefault();
        if (isOpen()) close();
        else if (again && input.value) {
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        return;
      case 'Tab':
        close();
        return;
    }
  });
  input.addEventListener('input', () => setActive(-1));
  input.addEventListener('blur', close);
  // A press on an option must not blur the input first, or the list would close before the click.
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const item = (event.target as Element).closest<HTMLElement>('[role=option]');
    const option = item ? options[Number(item.dataset['index'])] : undefined;
    if (!option) return;
    close();
    handlers.pick(option);
  });

  return { show, close };
}
