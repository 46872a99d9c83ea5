import { z } from 'zod';

/**
 * Characters no person types into a search box: controls (Unicode category Cc: NUL, ESC, DEL,
 * the C1 range including U+0085), invisible format characters (Cf: bidi overrides and isolates
 * U+202A–U+202E and U+2066–U+2069, the marks U+200E/U+200F, zero-width U+200B–U+200D, the byte
 * order mark U+FEFF, the soft hyphen U+00AD) and lone surrogates (Cs; a proper pair is one code
 * point under the `u` flag and does not match).
 *
 * TAB, LF and CR are Cc too, but they are allowed and treated as whitespace: a pasted log line
 * or a copied multi-line message may carry them, and search splits words on them anyway.
 */
export const disallowedCharacter = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Cs}]/u;

/** Whether `text` is free of every character in {@link disallowedCharacter}. */
export function isTypeableText(text: string): boolean {
  return !disallowedCharacter.test(text);
}

/**
 * The validation of a free-text argument (`search(query:)`, `suggest(prefix:)`, the filter's
 * `header`): no disallowed characters, then 1 to `maxLength` characters after trimming. The
 * character check runs on the input as sent, before trimming, and aborts the rest, so an input
 * like a lone U+FEFF (which `trim` would strip) gets this one message rather than "empty". The
 * message names the argument but never repeats the input.
 */
export function textArgument(name: string, maxLength: number) {
  return z
    .string()
    .refine(isTypeableText, {
      message: `${name} must not contain control characters, invisible formatting characters or unpaired surrogates`,
      params: { constraint: 'CHARACTERS' },
      abort: true,
    })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(maxLength, `${name} must be at most ${maxLength} characters`);
}
