import { commonNameOf, type StatusCodeRecord } from '../../catalogue/records.js';

/** Text for an HTML attribute or element: the five characters that could end either, escaped. */
const escaped = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.codePointAt(0)};`);

/**
 * The built page with the head of one code's view: its own title, description and Open Graph tags,
 * so a link to `/429` previews as "429 Too Many Requests" (and `/418` by its common name, "418 I'm a
 * teapot") without running any JavaScript.
 */
export function withCodeHead(html: string, record: StatusCodeRecord): string {
  const title = escaped(`${record.code} ${commonNameOf(record)}`);
  const description = escaped(record.description);
  const openGraph = [
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    '<meta property="og:type" content="article" />',
    '<meta property="og:site_name" content="StatusQL" />',
  ].join('\n    ');
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${title}: StatusQL</title>`)
    .replace(/(<meta\s+name="description"\s+content=")[^"]*(")/, `$1${description}$2`)
    .replace('</head>', `  ${openGraph}\n  </head>`);
}
