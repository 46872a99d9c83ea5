/** Whole words spelt differently on each side of the Atlantic, British first. */
const britishWords = new Map<string, string>(
  Object.entries({
    catalogue: 'catalog',
    catalogues: 'catalogs',
    dialogue: 'dialog',
    dialogues: 'dialogs',
    analogue: 'analog',
    centre: 'center',
    centres: 'centers',
    centred: 'centered',
    metre: 'meter',
    metres: 'meters',
    litre: 'liter',
    fibre: 'fiber',
    theatre: 'theater',
    programme: 'program',
    programmes: 'programs',
    grey: 'gray',
    judgement: 'judgment',
    acknowledgement: 'acknowledgment',
    artefact: 'artifact',
    artefacts: 'artifacts',
    enquiry: 'inquiry',
    enquiries: 'inquiries',
    ageing: 'aging',
    whilst: 'while',
  }),
);

/*
 * The rules below also hold for a word still being typed ("unauthoris", "cancell", "licenc"),
 * so a prefix search meets the American form in the index.
 */

/** behaviour, colour, favourite, honour ... -> behavior, color, favorite, honor. */
const ourWord = /^(behavi|col|fav|hon|neighb|flav|lab|rum|hum|harb|endeav|arm|vap|od|parl)ou(?=r|$)/;

/** authorise, authorisation, optimising, unrecognised ... -> the -ize spelling. */
const iseWord =
  /^((?:un|re|de|pre|non)?(?:authori|organi|recogni|optimi|normali|seriali|initiali|saniti|customi|synchroni|finali|prioriti|utili|minimi|maximi|categori|capitali|locali|standardi|centrali|visuali|reali|memori|tokeni|summari|personali|penali|stabili|paralleli|virtuali|containeri|randomi|apologi|critici|moderni|digiti|legali|speciali|generali|materiali|internationali|anonymi))s(?=[aei]|$)/;

/** analyse, paralysed -> analyze, paralyzed (but analysis stays). */
const lyseWord = /^(ana|para|cata)lys(?=e|ing|$)/;

/** cancelled, travelling, labelled -> canceled, traveling, labeled (cancellation stays). */
const doubledL =
  /^(cancel|travel|label|model|signal|level|fuel|total|marshal|channel|tunnel|dial|counsel|funnel|shovel|jewel|libel|rival|equal)l(?=e|i|$)/;

/** licence, defence, offence -> license, defense, offense. */
const enceWord = /^(licen|defen|offen|preten)c(?=e|i|$)/;

/**
 * Rewrites one lower-case word from British to American spelling, so "unauthorised",
 * "behaviour", "cancelled" and "licence" meet "unauthorized", "behavior", "canceled" and
 * "license". Words it does not know come back unchanged.
 */
export function americanSpelling(word: string): string {
  const known = britishWords.get(word);
  if (known) return known;
  return word
    .replace(ourWord, '$1o')
    .replace(iseWord, '$1z')
    .replace(lyseWord, '$1lyz')
    .replace(doubledL, '$1')
    .replace(enceWord, '$1s');
}
