import { foldText } from '../text/fold';

export type YesNoAnswer = 'yes' | 'no' | 'unknown';

/** Folded phrases per answer, French and English, as people type them (no accents, SMS spelling). */
const LEXICON: Record<YesNoAnswer, string[]> = {
  unknown: [
    'je ne sais pas', 'je sais pas', 'sais pas', 'jsp', 'j sais pas', 'chais pas', 'ch sais pas', 'chais pa', 'chai pas', 'chai pa', 'che pas', 'che pa', 'chepa', 'chaipa',
    'sais pa', 'je sais pa', 'j sais pa', 'jsais pas', 'jsais pa', 'je sai pas', 'je sai pa', 'sai pas', 'sai pa', 'aucune idee',
    'je ne sais plus', 'je sais plus', 'sais plus', 'je ne me souviens pas', 'je ne me souviens plus', 'je me souviens plus',
    'je me souviens pas', 'pas sur', 'pas sure', 'je ne suis pas sur', 'je ne suis pas sure', 'peut etre', 'ne sait pas', 'nsp',
    'i don t know', 'i dont know', 'don t know', 'dont know', 'dunno', 'idk', 'i don t remember', 'i can t remember', 'can t remember', 'no clue', 'not sure', 'no idea', 'maybe',
  ],
  no: ['non', 'nan', 'nn', 'nope', 'non non', 'no', 'pas du tout', 'jamais', 'absolument pas', 'non merci', 'not at all', 'never', 'n'],
  yes: [
    'oui', 'ouais', 'ouai', 'oue', 'wi', 'yes', 'yep', 'yeah', 'si', 'bien sur', 'd accord', 'ok', 'okay', 'exact',
    'exactement', 'c est ca', 'tout a fait', 'oui oui', 'affirmatif', 'sure', 'of course', 'o', 'y',
    // « Tout est juste ? » — « c'est bon », « c'est correct »: it is right.
    'c est bon', 'cest bon', 'c bon', 'tout est bon', 'tout est juste', 'c est juste', 'c est correct', 'c est exact', 'correct',
    'that s right', 'thats right', 'that s correct', 'all good', 'looks good', 'all correct',
  ],
};

/** Words people put before their answer (« ben non », « euh je sais pas », "well, no"). */
const INTERJECTIONS = /^\s*((ben|bah|beh|bon|euh+|heu+|eh|alors|hmm+|well|uh+|um+|oh)[\s,.!]+)+/i;

/** Answers are checked most specific first: "je ne sais pas" contains "non"-like words. */
const ORDER: YesNoAnswer[] = ['unknown', 'no', 'yes'];

/**
 * Reads a yes / no / "I don't know" answer from a short message. The whole message, or its first
 * words ("oui je touche le RSA"), must carry it, after an interjection or not (« euh non »);
 * anything else is undefined.
 */
export function recognizeYesNo(text: string | undefined): YesNoAnswer | undefined {
  if (!text) return undefined;
  const answer = readAnswer(text);
  if (answer) return answer;
  const bare = text.replace(INTERJECTIONS, '');
  return bare !== text ? readAnswer(bare) : undefined;
}

function readAnswer(text: string): YesNoAnswer | undefined {
  const folded = foldText(text);
  if (!folded) return text.trim() === '?' ? 'unknown' : undefined;
  for (const answer of ORDER) {
    for (const phrase of LEXICON[answer]) {
      if (folded === phrase || folded.startsWith(`${phrase} `)) return answer;
    }
  }
  return undefined;
}
