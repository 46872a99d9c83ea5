import vendorSituationsJson from './vendor-situations.json' with { type: 'json' };
import { familyOf, namingWordsOf } from './vendor-words.js';

/** The status a product answers with in a situation of its own: nginx's limit_req turning a request away. */
export interface VendorSituation {
  /** The product as people name it, an alias in parentheses: "AWS Application Load Balancer (ALB)". */
  vendor: string;
  status: number;
  /** One sentence in our own words, with the product's own words for it and without the status's number. */
  situation: string;
  /** The vendor's own documentation or source that gives the status. */
  source: string;
}

/** What products answer in their own situations (catalogue/vendor-situations.json), each sourced. */
export const vendorSituations: readonly VendorSituation[] = vendorSituationsJson;

/**
 * A vendor's own words: the first word of its name and its aliases in parentheses ("Azure",
 * "ALB"). Its other words name it only where the catalogue's own text never uses them
 * ("CloudFront", "Blob"), not "app" of Azure App Service or "door" of Azure Front Door.
 */
const ownWordsOf = (vendor: string) =>
  new Set(namingWordsOf([vendor.split(/\s/)[0], ...(vendor.match(/\([^)]*\)/g) ?? [])].join(' ')));

const vendorNames = new Set(vendorSituations.map((entry) => entry.vendor));

/** The vendors each word of their names names, and their families. */
const vendorsByWord = new Map<string, { vendor: string; own: boolean }[]>();
const familiesByWord = new Map<string, Set<string>>();
for (const vendor of vendorNames) {
  const own = ownWordsOf(vendor);
  for (const word of new Set(namingWordsOf(vendor))) {
    vendorsByWord.set(word, [...(vendorsByWord.get(word) ?? []), { vendor, own: own.has(word) }]);
    familiesByWord.set(word, (familiesByWord.get(word) ?? new Set()).add(familyOf(vendor)));
  }
}

/**
 * A vendor's name past its first word, when two words or more, as query stems in order: "cloud run"
 * of Google Cloud Run, "api gatewai" of Amazon API Gateway, "front door" of Azure Front Door. People
 * leave the company's name out; the words together name the product where each alone does not.
 */
const vendorsByPhrase = new Map<string, Set<string>>();
for (const vendor of vendorNames) {
  const [, ...rest] = vendor
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .split(/\s+/);
  const phrase = namingWordsOf(rest.join(' '));
  if (phrase.length >= 2)
    vendorsByPhrase.set(phrase.join(' '), (vendorsByPhrase.get(phrase.join(' ')) ?? new Set()).add(vendor));
}
/** Each phrase's families: a phrase names its vendors where they are three families or fewer. */
const phraseFamilies = new Map(
  [...vendorsByPhrase].map(([phrase, named]) => [phrase, new Set([...named].map(familyOf)).size]),
);

/** A phrase's last word that this many registry codes use is a kind of thing, not a product's name. */
const kindWordUses = 10;

/**
 * The vendors a query names, by a word that names few families of them ("alb" AWS's Application
 * Load Balancer, "azure" each Azure service), and the words that named them. `codesUsing` says how
 * many registry codes' own text uses a word: a vendor's own word names it where fewer than two do
 * ("server" of Apache HTTP Server names nothing), its other words where none does; or by the words
 * of its name past the company's, in the query's `sequence` of words ("cloud run").
 */
export function vendorsNamedBy(
  queryWords: ReadonlySet<string>,
  codesUsing: (word: string) => number,
  sequence: readonly string[] = [],
): { vendors: Set<string>; words: Set<string> } {
  const vendors = new Set<string>();
  const words = new Set<string>();
  const spaced = ` ${sequence.join(' ')} `;
  // Not one ending in a kind of thing many codes speak of ("Web API", "API server").
  for (const [phrase, named] of vendorsByPhrase)
    if (
      spaced.includes(` ${phrase} `) &&
      codesUsing(phrase.slice(phrase.lastIndexOf(' ') + 1)) < kindWordUses &&
      phraseFamilies.get(phrase)! <= 3
    )
      for (const vendor of named) {
        vendors.add(vendor);
        for (const word of phrase.split(' ')) words.add(word);
      }
  for (const word of queryWords) {
    const named = vendorsByWord.get(word);
    if (named === undefined || familiesByWord.get(word)!.size > 3) continue;
    const uses = codesUsing(word);
    for (const { vendor, own } of named)
      if (uses === 0 || (own && uses < 2)) {
        words.add(word);
        vendors.add(vendor);
      }
  }
  return { vendors, words };
}
