import { foldText } from '../text/fold';

/**
 * The folded words that ask what something is or means (« c'est quoi l'ASS ? », « qu'est-ce qu'un
 * prescripteur », « ça veut dire quoi RQTH », "what is the AAH"), SMS spelling included. What such a
 * message names is its subject, not the person's answer nor a fact about them.
 */
const OPENERS = [
  'c est quoi', 'c quoi', 'c koi', 'c est koi', 'cest quoi', 'ces quoi', 'qu est ce que', 'qu est ce qu', 'qu est ce', 'kesako', 'que veut dire',
  'que signifie', 'ca veut dire quoi', 'ca veut dire', 'what is', 'what s', 'what are', 'what does', 'what do',
];
const ANYWHERE = ['veut dire quoi', 'ca veut dire quoi', 'ca veut dire', 'c est quoi', 'c quoi', 'c koi', 'means what', 'mean what', 'stand for'];

const OPENING = new RegExp(`^(?:(?:et|and|mais|but|euh|ben|bah|alors|so|ok|pardon|sorry|mais alors) )*(?:${OPENERS.join('|')})(?: |$)`);
const INSIDE = new RegExp(`(?:^| )(?:${ANYWHERE.join('|')})(?: |$)`);

/** Whether the message asks what something is or means, rather than answering or telling a fact. */
export function asksWhatItIs(text: string | undefined): boolean {
  if (!text) return false;
  const folded = foldText(text);
  return OPENING.test(folded) || INSIDE.test(folded);
}
