import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogInstance,
  type FoundChoice,
  type PromptOptions,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { placeContext, servedPlace, type Place, type ResolveResult } from '../../../knowledge/territory';
import { foldText } from '../../../knowledge/text/fold';
import { commandLexicon } from '../../../knowledge/understanding/commands';
import { recognizeYesNo } from '../../../knowledge/understanding/yesNo';
import { placeWords } from '../territory';
import { readPlaceAnswer } from '../../../knowledge/understanding/placeAnswer';
import { ButtonsPrompt } from '../prompts/buttonsPrompt';
import { sayReused } from '../memory';
import { AnswerPrompt } from '../prompts/answerPrompt';
import { readerOptions, sessionOf } from '../session';
import { tr } from '../turnLocale';
import { placeChoiceLabel } from './placeLabel';

export const PLACE_QUESTION = 'placeQuestion';
const STEPS = 'placeQuestion.steps';
const ASK = 'placeQuestion.ask';
const PICK = 'placeQuestion.pick';

export interface PlaceQuestionOptions {
  /** i18n key of the question ("Où cherchez-vous ?"). */
  promptKey: string;
  /** Only places of these types are answers (statistics need an area or a commune, not a point). */
  types?: ReadonlyArray<Place['type']>;
  /** Take the place the conversation already knows (and say so) instead of asking. Default true. */
  reuse?: boolean;
}

interface Values {
  candidates?: Place[];
}

/** What the place prompt keeps in its options. */
interface PlaceValidations {
  types?: ReadonlyArray<Place['type']>;
  /** The place the conversation knew when the question was asked (`type:code`): one learned since answers it. */
  knownWhenAsked?: string;
}

const placeKey = (place: Place | undefined) => (place ? `${place.type}:${place.code}` : undefined);

/** Reads a place from the answer, in a sentence or with typos, through readPlaceAnswer. */
class PlacePrompt extends AnswerPrompt<ResolveResult> {
  /** `territory`: the TERRITORY code the guichet serves (its namesakes win), undefined for the whole country. */
  constructor(id: string, private readonly territory?: string) {
    super(id);
  }

  /** A place given during an interruption (to find a person, in another search) answers the question, said so. */
  override async fromMemory(context: TurnContext, instance: DialogInstance): Promise<ResolveResult | undefined> {
    const options = (instance.state as { options?: PromptOptions }).options ?? {};
    const validations = (options.validations as PlaceValidations | undefined) ?? {};
    const known = sessionOf(context).place;
    if (!known || placeKey(known) === validations.knownWhenAsked) return undefined;
    if (validations.types && !validations.types.includes(known.type)) return undefined;
    await sayReused(context, [placeChoiceLabel(known)]);
    return { status: 'found', place: known };
  }

  /** The whole territory the guichet serves (« partout », « peu importe »), when it serves one and the question takes it. */
  private anywhere(options: PromptOptions): Place | undefined {
    const served = this.territory ? servedPlace(this.territory) : undefined;
    const types = (options.validations as PlaceValidations | undefined)?.types;
    return served && served.type !== 'country' && (!types || types.includes(served.type)) ? served : undefined;
  }

  read(context: TurnContext, options: PromptOptions): ResolveResult | undefined {
    const text = context.activity.text;
    if (!text) return undefined;
    // « partout » in Martinique's guichet is Martinique, not France.
    const anywhere = this.anywhere(options);
    if (anywhere && commandLexicon().anyPlace.includes(foldText(text))) return { status: 'found', place: anywhere };
    const result = readPlaceAnswer(text, placeContext({ departement: sessionOf(context).departement, territory: this.territory }));
    const types = (options.validations as PlaceValidations | undefined)?.types;
    const fits = (place: Place) => !types || types.includes(place.type);
    switch (result.status) {
      case 'not_found':
        return undefined;
      case 'found':
        return fits(result.place) ? result : undefined;
      default: {
        const candidates = result.candidates.filter(fits);
        return candidates.length > 0 ? { ...result, candidates } : undefined;
      }
    }
  }

  /** « je sais pas », « non »: how to answer, and « partout » for the whole territory; no miss, a person offered. */
  protected override explain(context: TurnContext, options: PromptOptions): string | undefined {
    const anywhere = this.anywhere(options);
    const answer = recognizeYesNo(context.activity.text);
    if (!anywhere || (answer !== 'unknown' && answer !== 'no')) return undefined;
    return tr(context)('conversation:place.unknown', placeWords(anywhere));
  }
}

/**
 * The one place question of every feature: reuses the place the conversation knows (« Je reprends :
 * Le Lamentin. »), reads a place from any answer (« jhabite o lamantin », a postal code, a zone),
 * offers namesakes and typo suggestions as a choice, and remembers the place for the next features.
 * Ends with the Place.
 */
export class PlaceQuestion extends ComponentDialog {
  /** `territory`: the TERRITORY code the guichet serves, whose namesakes win (see placeContext). */
  constructor(territory?: string, id = PLACE_QUESTION) {
    super(id);
    this.addDialog(new PlacePrompt(ASK, territory));
    this.addDialog(new ButtonsPrompt(PICK));
    this.addDialog(new WaterfallDialog(STEPS, [this.ask.bind(this), this.pick.bind(this), this.done.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async ask(step: WaterfallStepContext) {
    const options = step.options as PlaceQuestionOptions;
    const known = sessionOf(step.context).place;
    if (known && options.reuse !== false && (!options.types || options.types.includes(known.type))) {
      await sayReused(step.context, [placeChoiceLabel(known)]);
      return step.endDialog(known);
    }
    const t = tr(step.context);
    const validations: PlaceValidations = { types: options.types, knownWhenAsked: placeKey(known) };
    return step.prompt(ASK, { prompt: t(options.promptKey, readerOptions(step.context)), retryPrompt: t('search:askPlaceRetry'), validations });
  }

  private async pick(step: WaterfallStepContext) {
    const result = step.result as ResolveResult;
    const t = tr(step.context);
    if (result.status === 'found') return step.next({ place: result.place });
    if (result.status === 'suggestions' && result.candidates.length === 1) {
      await step.context.sendActivity(t('conversation:place.took', { place: placeChoiceLabel(result.candidates[0]!) }));
      return step.next({ place: result.candidates[0] });
    }
    if (result.status === 'not_found') return step.endDialog(undefined);
    (step.values as Values).candidates = result.candidates;
    return step.prompt(PICK, {
      prompt: t(result.status === 'ambiguous' ? 'search:whichPlace' : 'search:didYouMean'),
      choices: [...result.candidates.map((p) => placeChoiceLabel(p)), t('search:otherPlace')],
    });
  }

  private async done(step: WaterfallStepContext) {
    const picked = step.result as { place: Place } | FoundChoice;
    let place: Place | undefined;
    if ('place' in picked) place = picked.place;
    else {
      place = (step.values as Values).candidates?.[picked.index];
      if (!place) return step.replaceDialog(this.id, { ...(step.options as PlaceQuestionOptions), reuse: false });
    }
    rememberPlace(step.context, place);
    return step.endDialog(place);
  }
}

/** What the conversation keeps of a place the person gave: reused by every feature until changed. */
export function rememberPlace(context: TurnContext, place: Place): void {
  const session = sessionOf(context);
  session.place = place;
  if (place.departement) session.departement = place.departement;
}
