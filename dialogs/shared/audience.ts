import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Feature } from '../feature';

/**
 * People a feature is made for when it is not for everyone (identified advisers). When the person
 * of a turn belongs to one, the welcome and the menu lead with what they use.
 */
export interface Audience {
  /** Stable id ('adviser'). */
  readonly id: string;
  /** The person of this turn, when they belong to this audience (and their name, if known, to greet them). */
  identify(context: TurnContext): Promise<{ name?: string } | undefined>;
  /** Their welcome, in the turn's language, with their name when it is known. */
  welcome(t: TFunction, name?: string): string;
  /** Their menu: feature ids, in order (the ones that exist are shown). */
  readonly menu: readonly string[];
}

export interface Identified {
  audience: Audience;
  name?: string;
}

const AUDIENCE_KEY = Symbol('guichet.audience');

/** The audience of this turn's person, looked up once per turn; undefined for the general public. */
export async function audienceOf(context: TurnContext, features: readonly Feature[]): Promise<Identified | undefined> {
  if (context.turnState.has(AUDIENCE_KEY)) return context.turnState.get(AUDIENCE_KEY) as Identified | undefined;
  let found: Identified | undefined;
  for (const audience of features.flatMap((f) => (f.audience ? [f.audience] : []))) {
    const person = await audience.identify(context);
    if (person) {
      found = { audience, ...(person.name ? { name: person.name } : {}) };
      break;
    }
  }
  context.turnState.set(AUDIENCE_KEY, found);
  return found;
}

/** The features of this person's menu, in order: their audience's menu, or every feature not hidden. */
export async function menuFeaturesFor(context: TurnContext, features: readonly Feature[]): Promise<Feature[]> {
  const identified = await audienceOf(context, features);
  if (!identified) return features.filter((f) => !f.hidden);
  return identified.audience.menu.flatMap((id) => features.filter((f) => f.id === id));
}
