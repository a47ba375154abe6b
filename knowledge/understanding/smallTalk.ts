import { foldText } from '../text/fold';

/** What a message made only of politeness says: thanks, goodbye, or a plain acknowledgement (« ok », « d'accord »). */
export type SmallTalk = 'thanks' | 'goodbye' | 'ack';

/**
 * Folded phrases, French and English, as people type them (SMS spelling included). A bare
 * hesitation (« euh », « hmm ») is no acknowledgement: it stays an unreadable answer.
 */
const PHRASES: Record<SmallTalk, string[]> = {
  goodbye: [
    'au revoir', 'aurevoir', 'a plus', 'a plus tard', 'a la prochaine', 'a bientot', 'a tout a l heure', 'bonne journee',
    'bonne soiree', 'bonne nuit', 'bonne fin de journee', 'bonne continuation', 'bon week end', 'ciao', 'tchao', 'bye',
    'bye bye', 'goodbye', 'good bye', 'see you', 'see you later', 'see ya', 'have a nice day', 'have a good day',
    'good night', 'take care', 'adieu', 'je m en vais', 'je vous laisse', 'je dois y aller', 'i have to go', 'i m off',
  ],
  thanks: [
    'merci', 'mci', 'mrc', 'mercii', 'merciii', 'cimer', 'thanks', 'thank you', 'thank you very much', 'thx', 'ty', 'tks',
    'merci beaucoup', 'merci bcp', 'merci bien', 'merci a vous', 'merci a toi', 'merci pour tout', 'merci pour votre aide',
    'merci de votre aide', 'merci pour l info', 'merci pour les infos', 'many thanks', 'thanks a lot', 'cheers', 'je vous remercie',
    'c est gentil', 'that s kind', 'grand merci', 'mille merci', 'mille mercis',
  ],
  ack: [
    'ok', 'okay', 'okey', 'oki', 'k', 'kk', 'd accord', 'dac', 'dacc', 'daccord', 'ca marche', 'entendu', 'tres bien', 'bien',
    'parfait', 'super', 'cool', 'top', 'genial', 'compris', 'j ai compris', 'je vois', 'ah ok',
    'alright', 'all right', 'got it', 'fine', 'great', 'good', 'noted', 'i see', 'understood', 'perfect', 'nice', 'awesome',
    'ca roule', 'nickel', 'c est note', 'c est bon', 'oui merci', 'yes thanks',
  ],
};

/** Longest phrases first, so that « merci beaucoup » is one phrase, not « merci » then a leftover. */
const ORDERED: Array<[SmallTalk, string[]]> = (Object.keys(PHRASES) as SmallTalk[]).flatMap((kind) =>
  PHRASES[kind].map((phrase): [SmallTalk, string[]] => [kind, phrase.split(' ')]),
).sort((a, b) => b[1].length - a[1].length);

/** Words that may join the phrases (« ok et merci », « merci, au revoir madame »). */
const JOINERS = new Set(['et', 'and', 'alors', 'encore', 'again', 'so', 'donc', 'madame', 'monsieur', 'mme', 'mr', 'tout', 'vraiment', 'really', 'very', 'much', 'beaucoup', 'bcp']);

/**
 * What a message made only of politeness says (« merci », « ok merci », « merci, au revoir »,
 * "thanks, bye"): goodbye wins over thanks, thanks over a plain « ok ». Undefined when the message
 * says anything else (« merci, je cherche un chantier » is a request).
 */
export function smallTalkOf(text: string | undefined): SmallTalk | undefined {
  if (!text) return undefined;
  const words = foldText(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 12) return undefined;
  const said = new Set<SmallTalk>();
  let i = 0;
  while (i < words.length) {
    if (JOINERS.has(words[i]!)) {
      i++;
      continue;
    }
    const hit = ORDERED.find(([, phrase]) => phrase.every((w, j) => words[i + j] === w));
    if (!hit) return undefined;
    said.add(hit[0]);
    i += hit[1].length;
  }
  if (said.has('goodbye')) return 'goodbye';
  if (said.has('thanks')) return 'thanks';
  return said.has('ack') ? 'ack' : undefined;
}

/** Folded phrases of a person who did not follow the question (« je comprends pas », « c'est-à-dire ? »). */
const CONFUSED = new Set([
  'je comprends pas', 'je ne comprends pas', 'comprends pas', 'j comprends pas', 'jcomprends pas', 'j ai pas compris',
  'je n ai pas compris', 'pas compris', 'jai pas compris', 'je comprend pas', 'comprend pas', 'quoi', 'hein', 'comment',
  'comment ca', 'c est a dire', 'c est quoi', 'ca veut dire quoi', 'cad', 'pardon', 'je suis perdu', 'je suis perdue',
  'what', 'what do you mean', 'i don t understand', 'i dont understand', 'don t understand', 'sorry', 'huh', 'pardon me',
  'i m lost', 'i am lost', 'what does that mean', 'je comprends rien', 'je comprend rien', 'j y comprends rien', 'comprends rien',
  'c est quoi ce truc', 'c quoi ce truc', 'c koi ce truc', 'c est quoi ca', 'c quoi', 'c koi', 'hein quoi', 'what is this',
]);

/** Whether the message says the person did not follow the question (a lone « ? » too). */
export function isConfused(text: string | undefined): boolean {
  if (!text) return false;
  if (/^\s*\?+\s*$/.test(text)) return true;
  return CONFUSED.has(foldText(text));
}
