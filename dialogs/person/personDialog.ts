import { AttachmentLayoutTypes, MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { DirectoryReader } from '../../knowledge/directory/directoryPort';
import { peopleToContact, type KnownFacts, type PersonToContact } from '../../knowledge/orientation/peopleToContact';
import { anchorOf, type Place } from '../../knowledge/territory';
import { structureCard } from '../search/structureCard';
import { nearestOf } from '../shared/nearest';
import { PLACE_QUESTION, PlaceQuestion, type PlaceQuestionOptions } from '../shared/place/placeQuestion';
import { sessionOf, type PersonFacts } from '../shared/session';
import { tr, turnLocale } from '../shared/turnLocale';

export const PERSON_DIALOG = 'person';
const STEPS = 'person.steps';

export interface PersonDialogDeps {
  /** Without a directory, the national numbers only. */
  directory?: DirectoryReader;
  /** The territory the guichet serves (TERRITORY code): its namesakes win. */
  territory?: string;
}

/** The facts of the conversation that choose who to contact. */
function knownFacts(situation: PersonFacts | undefined): KnownFacts {
  const criteria = situation?.criteria ?? {};
  const minimaAnswers = [situation?.minima, criteria.RSA, criteria.ASS, criteria.AAH];
  return {
    under26: situation?.age === undefined ? undefined : situation.age < 26,
    rqth: criteria.TH === 'yes' ? true : criteria.TH === 'no' ? false : undefined,
    minima: minimaAnswers.includes('yes') ? true : situation?.minima === 'no' ? false : undefined,
  };
}

/** Who the person can reach, in words: each organisation, its national number, and the condition still unknown. */
export async function sayWhoToContact(context: TurnContext): Promise<PersonToContact[]> {
  const t = tr(context);
  const contacts = peopleToContact(knownFacts(sessionOf(context).situation));
  const lines = contacts.map((c) => `- ${t(`conversation:person.who.${c.kind}`, { phone: c.phone, context: c.ifFact ? 'if' : undefined })}`);
  await context.sendActivity([t('conversation:person.intro'), ...lines].join('\n'));
  return contacts;
}

/**
 * « Je veux parler à quelqu'un », from anywhere: who fits what is known (France Travail and 3949,
 * the Mission Locale up to 25, Cap Emploi with a RQTH, the département's RSA service), then the
 * nearest office of each with its address, phone and opening hours from the directory (the place
 * the conversation knows, or asked once).
 */
export class PersonDialog extends ComponentDialog {
  readonly helpKey = 'conversation:person.help';

  constructor(private readonly deps: PersonDialogDeps) {
    super(PERSON_DIALOG);
    this.addDialog(new PlaceQuestion(deps.territory));
    this.addDialog(new WaterfallDialog(STEPS, [this.tell.bind(this), this.show.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async tell(step: WaterfallStepContext) {
    await sayWhoToContact(step.context);
    if (!this.deps.directory) return step.endDialog();
    return step.beginDialog(PLACE_QUESTION, { promptKey: 'conversation:person.askPlace' } satisfies PlaceQuestionOptions);
  }

  private async show(step: WaterfallStepContext) {
    const place = step.result as Place | undefined;
    const anchor = place && anchorOf(place);
    if (!anchor || !this.deps.directory) return step.endDialog();
    const t = tr(step.context);
    const contacts = peopleToContact(knownFacts(sessionOf(step.context).situation));
    const cards: Attachment[] = [];
    for (const contact of contacts) {
      const nearest = await nearestOf(this.deps.directory, anchor.center, contact.kind);
      if (nearest) cards.push(structureCard(nearest.structure, nearest.distanceKm, t, turnLocale(step.context)));
    }
    if (cards.length === 0) {
      await step.context.sendActivity(t('conversation:person.noneNear'));
      return step.endDialog();
    }
    await step.context.sendActivity(t('conversation:person.nearest'));
    const message = MessageFactory.carousel(cards);
    message.attachmentLayout = AttachmentLayoutTypes.Carousel;
    await step.context.sendActivity(message);
    return step.endDialog();
  }
}
