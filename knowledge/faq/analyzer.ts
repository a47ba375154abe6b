import type { Locale } from '../../locales/i18n';
import { foldText } from '../text/fold';

/**
 * How the FAQ turns text (a question typed by someone, or an entry's text) into search terms:
 * fold (lower case, no accents), spell out SMS shorthand, drop empty words, and index each word
 * both as it is and reduced to a light stem, so "prescripteur", "prescription" and "prescriptions"
 * meet while typos are still caught on the whole word.
 */

/** SMS and spoken shorthand (folded) → words (folded). An empty string drops the token. */
const SHORTHAND: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  fr: {
    koi: 'quoi', kwa: 'quoi', kel: 'quel', kelle: 'quelle', kels: 'quels', ki: 'qui', ke: 'que', k: 'que', pr: 'pour', pk: 'pourquoi', pq: 'pourquoi',
    ds: 'dans', dc: 'donc', tt: 'tout', bcp: 'beaucoup', cb: 'combien', cmb: 'combien', cbn: 'combien', cbien: 'combien', combi1: 'combien', kombien: 'combien', konbien: 'combien', ve: 'vais',
    tps: 'temps', qd: 'quand', qand: 'quand', mm: 'meme', vs: 'vous', ns: 'nous', jsuis: 'suis', chui: 'suis', jsui: 'suis', jss: 'suis',
    jveux: 'veux', jvoudrais: 'voudrais', jpeux: 'peux', jai: '', g: '', ya: '', yat: '', asso: 'association', assoc: 'association',
    dmd: 'demande', dde: 'demande', infos: 'information', info: 'information', doc: 'document', docs: 'documents', pol: 'pole', pe: 'pole emploi',
    bjr: '', bsr: '', slt: '', cc: '', coucou: '', svp: '', stp: '', mrc: '', mci: '', dsl: '', ptt: '', pti: 'petit', ajd: '', auj: '',
    sa: 'ca', sava: '', cest: '', c: '', ct: '', sai: '', jsp: '', bonjoure: '', bjour: '',
  },
  en: {
    u: 'you', r: 'are', ur: 'your', pls: '', plz: '', thx: '', hi: '', hey: '', wat: 'what', wot: 'what', whats: 'what', hw: 'how', im: '', ive: '', dont: 'not', cant: 'can', id: 'identity',
  },
};

/**
 * Words that only link a message to the one before (« et c'est quoi le PASS IAE ? », "so what is…"):
 * dropped at the start of a message before it is compared with an entry's phrases. Folded; a
 * two-word link is written with a space.
 */
const LEADING_LINKS: Readonly<Record<Locale, readonly string[]>> = {
  fr: ['du coup', 'et', 'mais', 'alors', 'donc', 'ok', 'bon', 'euh', 'ben', 'bah', 'sinon', 'aussi', 'puis', 'et puis', 'et aussi', 'et sinon'],
  en: ['and', 'so', 'but', 'ok', 'okay', 'well', 'also', 'then', 'and then', 'and also'],
};

/** The tokens of a message without the linking words at its start (see LEADING_LINKS). */
export function withoutLeadingLinks(tokens: readonly string[], locale: Locale): string[] {
  const links = [...LEADING_LINKS[locale]].map((l) => l.split(' ')).sort((a, b) => b.length - a.length);
  let rest = [...tokens];
  for (;;) {
    const link = links.find((words) => words.length < rest.length && words.every((w, i) => rest[i] === w));
    if (!link) return rest;
    rest = rest.slice(link.length);
  }
}

/** Words that carry no meaning for matching (folded). */
const STOP_WORDS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  fr: new Set(
    (
      'a as au aux avec ce ces cet cette ceci cela ca c d de des du en et est es etre ete etes il ils elle elles je j l la le les leur leurs lui ' +
      'm ma me mes moi mon n ne ni nous on ou par pas peu plus pour qu que quel quelle quels quelles qui quoi s sa se ses si son sont suis sur ' +
      't ta te tes toi ton tu un une vos votre vous y sommes serait etait sera ont avez avons avoir fait faire font va vais vont ' +
      'bonjour bonsoir salut hello merci svp plait madame monsieur voudrais voudrait veux veut vouloir aimerais aimerait souhaite souhaiterais ' +
      'savoir sais sait connaitre comprendre dire dites explique expliquer expliquez question questions renseignement information informations ' +
      'comment pourquoi quand est-ce donc alors mais car aussi encore deja tout tous toute toutes tres bien bon bonne oui non ok daccord ' +
      'peux peut pouvez pourrais pourriez pouvoir peuvent dois doit doivent faut falloir chose truc exactement vraiment juste quelqu quelque quelques ' +
      'mot signifie signifier veut-dire concerne concernant propos sujet svp stp meme beaucoup petit ici la-bas cas lors dont etc ' +
      'parle parler parlait entendu entendre dit raconte'
    ).split(/\s+/),
  ),
  en: new Set(
    (
      'a an the is are was were be been being am i me my mine you your yours it its of to in on for with at by from and or not no yes ' +
      'do does did doing what which who whom whose how why when where can could would should will shall may might must this that these those ' +
      'there here have has had having hello hi please thanks thank tell know want wanted like about explain question if so just also any some ' +
      'get got need needed we our they them he she his her us let lets mean means meaning exactly really okay ok very thing stuff ' +
      'say said something anything someone anyone one heard told talked mentioned'
    ).split(/\s+/),
  ),
};

/** Acronyms and names kept whole: a stem would only blur them. */
const KEEP_WHOLE = new Set(
  (
    'iae siae ei etti ai aci eiti geiq ea eatt rsa ass aah cdiae cta dreets deets direccte dieccte plie opco opca pmsmp rqth qpv zrr ase epci ' +
    'ccas chrs spip cacem ml ft cdi fle pass nir afpa mdph caf msa deld detld ursiae esat anpe pec fie etp fte'
  ).split(/\s+/),
);

/** Suffixes tried longest first; a suffix is removed only if enough of the word remains. */
const SUFFIXES: Readonly<Record<Locale, readonly string[]>> = {
  fr: [
    'issements', 'issement', 'atrices', 'atrice', 'ateurs', 'ateur', 'ations', 'ation', 'ements', 'ement', 'ments', 'ment', 'euses', 'euse',
    'eurs', 'eur', 'ieres', 'iere', 'iers', 'ier', 'ances', 'ance', 'ences', 'ence', 'ites', 'ite', 'ives', 'ive', 'ifs', 'if', 'ions', 'ion',
    'ages', 'age', 'elles', 'elle', 'ales', 'ale', 'aux', 'al', 'ees', 'ee', 'es', 'er', 'ez', 'e', 's', 'x',
  ],
  en: ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ies', 'ers', 'er', 'ed', 'es', 'ly', 'e', 's'],
};

/**
 * A light stem: one suffix off, keeping at least 4 letters (3 for suffixes of 1–3 letters). French
 * takes a second pass, so that "departemental" → "departement" → "depart" meets "departement".
 */
export function stem(word: string, locale: Locale): string {
  const once = stripSuffix(word, locale);
  return locale === 'fr' && once !== word ? stripSuffix(once, locale) : once;
}

function stripSuffix(word: string, locale: Locale): string {
  if (KEEP_WHOLE.has(word) || /\d/.test(word)) return word;
  for (const suffix of SUFFIXES[locale]) {
    if (!word.endsWith(suffix)) continue;
    const rest = word.slice(0, -suffix.length);
    if (rest.length < (suffix.length >= 4 ? 4 : 3)) continue;
    if (locale === 'en' && suffix === 's' && rest.endsWith('s')) return word; // "class", "pass"
    if (locale === 'en' && suffix === 'ies') return `${rest}y`;
    return rest;
  }
  return word;
}

export function isStopWord(word: string, locale: Locale): boolean {
  return STOP_WORDS[locale].has(word);
}

/**
 * Folded words of a text with shorthand spelled out and "j'ai" / "n'ai" dropped (so that "ai" is
 * left for the association intermédiaire). Stop words are still there; see meaningfulWords.
 */
export function tokenize(text: string, locale: Locale): string[] {
  const out: string[] = [];
  const raw = foldText(text).split(' ').filter(Boolean);
  raw.forEach((token, i) => {
    // "j'ai", "n'ai", "ai-je": the verb, not the association intermédiaire.
    if (locale === 'fr' && token === 'ai' && (['j', 'n', 'je'].includes(raw[i - 1] ?? '') || raw[i + 1] === 'je')) return;
    const spelled = SHORTHAND[locale][token];
    if (spelled === undefined) out.push(token);
    else if (spelled) out.push(...spelled.split(' '));
  });
  return out;
}

/** The terms one word is indexed and searched under: itself and its stem; none for a stop word. */
export function termsOf(word: string, locale: Locale): string[] {
  if (isStopWord(word, locale)) return [];
  if (word.length < 2 && !/\d/.test(word)) return [];
  const stemmed = stem(word, locale);
  return stemmed === word ? [word] : [word, stemmed];
}

/** The words of a question that count for matching (after shorthand and stop words). */
export function meaningfulWords(text: string, locale: Locale): string[] {
  return tokenize(text, locale).filter((w) => termsOf(w, locale).length > 0);
}
