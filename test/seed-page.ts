import { readFileSync } from 'node:fs';

/** The card numbers of the seed page, in page order (the scrape shows only the first). */
const seedCardCodes = [
  100, 101, 200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 405, 409, 422, 429, 500, 501, 502, 503, 504,
];

export interface SeedCard {
  code: number;
  classLine: string;
  description: string;
  commonUsage: string;
}

const lines = readFileSync(new URL('./fixtures/status-codes-page.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

/**
 * The seed page's cards, parsed from the scrape: each is a class line, a description and a
 * "Common usage:" line. The first card appears twice (once as a header); it is kept once.
 */
export function seedCards(): SeedCard[] {
  const cards: Omit<SeedCard, 'code'>[] = [];
  lines.forEach((line, index) => {
    const usage = lines[index + 2];
    if (/^[1-5]xx /.test(line) && usage?.startsWith('Common usage: ')) {
      cards.push({
        classLine: line,
        description: lines[index + 1]!,
        commonUsage: usage.slice('Common usage: '.length),
      });
    }
  });
  const unique = cards.filter((card, index) => index === 0 || card.description !== cards[index - 1]!.description);
  return unique.map((card, index) => ({ code: seedCardCodes[index]!, ...card }));
}

/** The quick guide's lines ("429 for rate limit"), as code and situation. */
export function seedQuickGuide(): { code: number; situation: string }[] {
  return lines.flatMap((line) => {
    const match = /^(\d{3}) for (.+)$/.exec(line);
    return match ? [{ code: Number(match[1]), situation: match[2]! }] : [];
  });
}
