import vendorSituationsJson from './vendor-situations.json' with { type: 'json' };
import { namingWordsOf } from './vendor-words.js';

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

/** The vendors each word of their names names, and their families (the first word of a name). */
const vendorsByWord = new Map<string, Set<string>>();
const familiesByWord = new Map<string, Set<string>>();
for (const { vendor } of vendorSituations)
  for (const word of namingWordsOf(vendor)) {
    vendorsByWord.set(word, (vendorsByWord.get(word) ?? new Set()).add(vendor));
    familiesByWord.set(word, (familiesByWord.get(word) ?? new Set()).add(namingWordsOf(vendor)[0] ?? vendor));
  }

/**
 * The vendors a query names, by a word that names few families of them ("alb" AWS's Application
 * Load Balancer, "azure" each Azure service, "server" none), and the words that named them.
 */
export function vendorsNamedBy(queryWords: ReadonlySet<string>): { vendors: Set<string>; words: Set<string> } {
  const vendors = new Set<string>();
  const words = new Set<string>();
  for (const word of queryWords) {
    const named = vendorsByWord.get(word);
    if (named === undefined || familiesByWord.get(word)!.size > 3) continue;
    words.add(word);
    for (const vendor of named) vendors.add(vendor);
  }
  return { vendors, words };
}
