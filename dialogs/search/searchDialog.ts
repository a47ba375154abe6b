import { AttachmentLayoutTypes, MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type Choice,
  type DialogContext,
  type FoundChoice,
  type PromptOptions,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { placeContext } from '../../knowledge/territory';
import { readPlaceAnswer } from '../../knowledge/understanding/placeAnswer';
import { readOrdinal, type Ordinal } from '../../knowledge/understanding/ordinal';
import { ButtonsPrompt } from '../shared/prompts/buttonsPrompt';
import type { Recalled } from '../shared/prompts/answerPrompt';
import { readChoice } from '../shared/prompts/readChoice';
import { ANY_KIND, anyKindChoice, kindChoices, kindChoicesToRead } from './kindChoices';
import { DEFAULT_RADIUS_KM, RADIUS_CHOICES_KM, SIAE_KINDS, isSiaeKind, type StructureKind } from '../../knowledge/directory/kinds';
import type { DirectoryReader } from '../../knowledge/directory/directoryPort';
import { findStructures } from '../../knowledge/directory/findStructures';
import { isDemo, type Structure } from '../../knowledge/directory/structure';
import type { Place } from '../../knowledge/territory';
import { placeOfSlot } from '../../knowledge/understanding/slots/place';
import { PLACE_QUESTION, PlaceQuestion, rememberPlace, type PlaceQuestionOptions } from '../shared/place/placeQuestion';
import { readerOptions, sessionOf } from '../shared/session';
import { isAdviserPhrasing } from '../eligibility/adviserPhrasing';
import { outsideSentence, placeWords } from '../shared/territory';
import { tr, turnLocale } from '../shared/turnLocale';
import type { TFunction } from 'i18next';
import type { FeatureOptions } from '../shared/understanding';
import { formatKm, structureCard } from './structureCard';
import { printableChannelData, printableStructure } from '../shared/printable';

export const SEARCH_DIALOG = 'search';
const STEPS = 'search.steps';
const KIND_PROMPT = 'search.kind';
const NEXT_PROMPT = 'search.next';
const RADIUS_PROMPT = 'search.radius';

export const PAGE_SIZE = 5;
/** Nothing within the radius: the nearest structures shown anyway, this many, up to this far. */
const NEAREST_SHOWN = 3;
const NEAREST_WITHIN_KM = 100;
/** Prefix of a kind read at the results prompt. */
const KIND_VALUE = 'kind:';

/** Where a search stands; carried in the dialog's options so every loop restarts from it. */
export interface SearchOptions extends FeatureOptions {
  /** Undefined: not asked yet. Empty: every SIAE kind. */
  kinds?: StructureKind[];
  /** Looking for prescribers and partners rather than employers. */
  partners?: boolean;
  /** The partners named (« le cap emploi le plus proche »): only those; undefined: every partner that fits. */
  partnerKinds?: StructureKind[];
  place?: Place;
  radiusKm?: number;
  /** Words the structures must have (name, sectors, description). */
  words?: string;
  offset?: number;
  /** A structure of the page pointed at by its position (« le deuxième »): shown alone, once. */
  focus?: Ordinal;
}

/** What the steps keep between them. */
interface StepValues {
  search?: SearchOptions;
  actions?: NextAction[];
  widerKm?: number;
}
const valuesOf = (step: WaterfallStepContext) => step.values as StepValues;

type NextAction = 'more' | 'radius' | 'widen' | 'partners' | 'employers' | 'new' | 'menu' | 'back';

const PARTNER_KINDS_SHOWN: StructureKind[] = ['FT', 'ML', 'CAP_EMPLOI', 'PLIE', 'DEPT'];
/** Missions Locales take people up to their 26th birthday: never offered to an older person. */
const MISSION_LOCALE_MAX_AGE = 25;

function partnerKindsFor(age: number | undefined): StructureKind[] {
  return age !== undefined && age > MISSION_LOCALE_MAX_AGE ? PARTNER_KINDS_SHOWN.filter((k) => k !== 'ML') : PARTNER_KINDS_SHOWN;
}

export interface SearchDialogDeps {
  directory: DirectoryReader;
  /** Cards of SIAE offer « Faire une demande ici » (when requests exist). */
  canRequest?: boolean;
  /** The territory the guichet serves (TERRITORY code); undefined: the whole country. */
  territory?: string;
}

/**
 * "Where can I go?": asks for the kind of structure (or "I don't know": all of them) and the place,
 * then shows the structures as cards, nearest first, with what to do next (more, change the
 * distance, widen, find an adviser). Whatever was already said ("un chantier près du Lamentin",
 * "aci 97232 20km") is not asked again.
 */
export class SearchDialog extends ComponentDialog {
  readonly helpKey = 'search:help';

  constructor(private readonly deps: SearchDialogDeps) {
    super(SEARCH_DIALOG);
    this.addDialog(new KindPrompt(KIND_PROMPT));
    this.addDialog(new PlaceQuestion(deps.territory));
    this.addDialog(new ResultsPrompt(NEXT_PROMPT, deps.territory));
    this.addDialog(new ButtonsPrompt(RADIUS_PROMPT));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.askKind.bind(this),
        this.askPlace.bind(this),
        this.showResults.bind(this),
        this.onNextAction.bind(this),
        this.onRadius.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  /** While its kind or place is asked, a fact typed (« j'ai une RQTH ») is kept and the search goes on (interruption.ts). */
  takesFactsMidway(featureDc: DialogContext): boolean {
    return featureDc.stack.some((instance) => instance.id === KIND_PROMPT || instance.id === PLACE_QUESTION);
  }

  /**
   * « retour » at the results (or the place question, or the distance): back to the kind question,
   * the place kept. A search of advisers (« le cap emploi le plus proche ») has no kind question: undefined (the menu).
   */
  stepBack(featureDc: DialogContext): { options: SearchOptions; said: string } | undefined {
    // Each loop of the results (« voir plus », « le premier »…) runs the search again inside the last one: the innermost is shown.
    while (featureDc.activeDialog?.id === SEARCH_DIALOG && featureDc.child) featureDc = featureDc.child;
    const at = featureDc.activeDialog?.id;
    if (at !== NEXT_PROMPT && at !== RADIUS_PROMPT && at !== PLACE_QUESTION) return undefined;
    const steps = featureDc.stack.find((instance) => instance.id === STEPS)?.state as { options?: SearchOptions; values?: StepValues } | undefined;
    const search = steps?.values?.search;
    const t = tr(featureDc.context);
    // One structure of the page shown alone (« le premier »): back to the page.
    if (at === NEXT_PROMPT && search && steps?.options?.focus !== undefined) return { options: search, said: t('search:back.results') };
    if (search?.partners) return undefined;
    sessionOf(featureDc.context).kinds = undefined;
    const place = search?.place;
    return place ? { options: { place }, said: t('search:back.kindPlace', { place: place.label }) } : { options: {}, said: t('search:back.kind') };
  }

  private state(step: WaterfallStepContext): SearchOptions {
    const values = valuesOf(step);
    if (!values.search && isAdviserPhrasing((step.options as SearchOptions).text)) sessionOf(step.context).forCandidate = true;
    values.search ??= fromUnderstood(step.options as SearchOptions);
    return values.search;
  }

  private async askKind(step: WaterfallStepContext) {
    const state = this.state(step);
    if (state.partners || state.kinds !== undefined) return step.next();
    const t = tr(step.context);
    // A kind the understanding did not name but the words do ("work integration company near Le Lamentin").
    const named = readChoice((step.options as SearchOptions).text, kindChoicesToRead(t));
    if (named) {
      state.kinds = [named.value as StructureKind];
      // Read here, not by the understanding (« integrashun company »): said before it is used.
      await step.context.sendActivity(t('conversation:place.took', { place: kindsInWords(state.kinds, t) }));
      return step.next();
    }
    const explanations = SIAE_KINDS.map((k) => `- ${t('common:labelled', { label: t(`directory:kinds.${k}.short`), value: t(`directory:kinds.${k}.explain`) })}`);
    const choices: Choice[] = [...kindChoices(t), anyKindChoice(t)];
    return step.prompt(KIND_PROMPT, {
      prompt: [t('search:askKind', readerOptions(step.context)), ...explanations].join('\n'),
      retryPrompt: t('search:askKindRetry'),
      choices,
    });
  }

  private async askPlace(step: WaterfallStepContext) {
    const state = this.state(step);
    if (step.result && (step.result as FoundChoice).value) {
      const value = (step.result as FoundChoice).value;
      state.kinds = value === ANY_KIND ? [] : (value.split(KINDS_SEPARATOR) as StructureKind[]);
    }
    if (!state.partners && state.kinds !== undefined) sessionOf(step.context).kinds = state.kinds;
    // A place said at the kind question (« Noted: Place: Le Lamentin ») replaces the one the search began with.
    const latest = sessionOf(step.context).place;
    if (state.place && latest && step.result !== undefined && latest.code !== state.place.code) state.place = latest;
    if (state.place) return step.next(state.place);
    return step.beginDialog(PLACE_QUESTION, { promptKey: 'search:askPlace' } satisfies PlaceQuestionOptions);
  }

  private async showResults(step: WaterfallStepContext) {
    const state = this.state(step);
    const t = tr(step.context);
    const place = (state.place ??= step.result as Place | undefined);
    if (!place) return step.endDialog();
    rememberPlace(step.context, place);

    const kinds = state.partners ? (state.partnerKinds ?? partnerKindsFor(sessionOf(step.context).situation?.age)) : state.kinds && state.kinds.length > 0 ? state.kinds : [...SIAE_KINDS];
    const radiusKm = state.radiusKm ?? (state.partners ? DEFAULT_RADIUS_KM.partners : DEFAULT_RADIUS_KM.employers);
    state.radiusKm = radiusKm;
    const offset = state.offset ?? 0;
    let found = await findStructures(this.deps.directory, { place, radiusKm, kinds, text: state.words, limit: PAGE_SIZE, offset });
    // Nothing within the radius (« le cap emploi le plus proche de Ducos »): the nearest ones anyway, their distance said.
    const nearest =
      found.total === 0 && found.mode === 'radius' && offset === 0 && radiusKm < NEAREST_WITHIN_KM
        ? await findStructures(this.deps.directory, { place, radiusKm: NEAREST_WITHIN_KM, kinds, text: state.words, limit: NEAREST_SHOWN, offset: 0 })
        : undefined;
    const locale = turnLocale(step.context);
    const cardOf = (item: (typeof found.items)[number]) =>
      structureCard(item.structure, item.distanceKm, t, locale, { canRequest: this.deps.canRequest && isSiaeKind(item.structure.kind) });
    const what = state.partners && !state.partnerKinds ? t('search:what.partners') : kindsInWords(kinds, t);
    const where = placeWords(place);
    const focus = state.focus;
    delete state.focus;
    const pageItems = found.total === 0 && nearest ? nearest.items : found.items;
    const focused = focus === undefined ? undefined : focus === 'last' ? pageItems.at(-1) : pageItems[focus - 1];
    const outside = offset === 0 && !focused ? outsideSentence(t, place, this.deps.territory, found.total > 0) : undefined;
    if (outside) await step.context.sendActivity(outside);

    if (focused) {
      // One structure of the page, named by its position: it alone, then the same question.
      await step.context.sendActivity(t('search:focused', { name: focused.structure.name }));
      const message = MessageFactory.attachment(cardOf(focused));
      message.channelData = printableChannelData({ kind: 'structures', items: [printableStructure(focused.structure, t)] });
      await step.context.sendActivity(message);
    } else if (found.total === 0) {
      await step.context.sendActivity(
        found.mode === 'radius' ? t('search:noneAround', { what, km: radiusKm, ...where }) : t('search:noneIn', { what, ...where }),
      );
      const first = nearest?.items[0];
      if (nearest && first) {
        found = { ...found, items: nearest.items };
        await step.context.sendActivity(t('search:nearestInstead', { count: nearest.items.length, km: formatKm(first.distanceKm ?? 0, locale) }));
        await this.sendCards(step, found.items.map(cardOf), found.items.map((i) => i.structure), t);
      }
    } else {
      if (offset === 0) {
        await step.context.sendActivity(
          found.mode === 'radius'
            ? t('search:foundAround', { count: found.total, what, km: radiusKm, ...where })
            : t('search:foundIn', { count: found.total, what, ...where }),
        );
      }
      await this.sendCards(step, found.items.map(cardOf), found.items.map((i) => i.structure), t);
    }

    const more = offset + PAGE_SIZE < found.total;
    const wider = RADIUS_CHOICES_KM.find((r) => r > radiusKm);
    const actions: Array<[NextAction, string]> = [];
    if (more) actions.push(['more', t('search:next.more', { count: found.total - offset - PAGE_SIZE })]);
    if (found.total === 0 && found.mode === 'radius' && wider && !nearest?.items.length) actions.push(['widen', t('search:next.widen', { km: wider })]);
    if (found.mode === 'radius') actions.push(['radius', t('search:next.radius')]);
    actions.push(state.partners ? ['employers', t('search:next.employers')] : ['partners', t('search:next.partners')]);
    // A search made in the middle of another question ends with the way back to it rather than to the menu.
    actions.push(['new', t('search:next.new')], state.resumes ? ['back', t('conversation:backButton')] : ['menu', t('search:next.menu')]);
    valuesOf(step).actions = actions.map(([action]) => action);
    valuesOf(step).widerKm = wider;
    // A kind named at the results (« c pa des chantier ça c des entreprise ») is an answer too: the same search for that kind.
    return step.prompt(NEXT_PROMPT, {
      prompt: t('search:next.prompt'),
      choices: actions.map(([, label]) => label),
      validations: { structuresShown: found.items.length } satisfies ResultsShown,
    });
  }

  /** Structures as a carousel of cards, printable, with the demo notice when they are the demo's. */
  private async sendCards(step: WaterfallStepContext, cards: Attachment[], structures: Structure[], t: TFunction) {
    const message = MessageFactory.carousel(cards);
    message.attachmentLayout = AttachmentLayoutTypes.Carousel;
    message.channelData = printableChannelData({ kind: 'structures', items: structures.map((s) => printableStructure(s, t)) });
    await step.context.sendActivity(message);
    if (structures.some(isDemo)) await step.context.sendActivity(t('directory:demoDataset'));
  }

  private async onNextAction(step: WaterfallStepContext) {
    const state = this.state(step);
    const picked = step.result as FoundChoice;
    if (picked.value === PLACE_VALUE) {
      // Another place said at the results (« et au François ? »): the same search there.
      const place = readResultsPlace(step.context, this.deps.territory);
      if (place) {
        rememberPlace(step.context, place);
        return step.replaceDialog(SEARCH_DIALOG, { ...state, place, offset: 0 });
      }
    }
    if (picked.value.startsWith(STRUCTURE_VALUE)) {
      const position = picked.value.slice(STRUCTURE_VALUE.length);
      return step.replaceDialog(SEARCH_DIALOG, { ...state, focus: position === 'last' ? 'last' : Number(position) });
    }
    if (picked.value.startsWith(KIND_VALUE)) {
      const kinds = [picked.value.slice(KIND_VALUE.length) as StructureKind];
      sessionOf(step.context).kinds = kinds;
      return step.replaceDialog(SEARCH_DIALOG, { ...state, kinds, partners: false, partnerKinds: undefined, radiusKm: undefined, offset: 0 });
    }
    const action = (valuesOf(step).actions ?? [])[picked.index];
    const t = tr(step.context);
    switch (action) {
      case 'more':
        return step.replaceDialog(SEARCH_DIALOG, { ...state, offset: (state.offset ?? 0) + PAGE_SIZE });
      case 'widen':
        return step.replaceDialog(SEARCH_DIALOG, { ...state, radiusKm: valuesOf(step).widerKm, offset: 0 });
      case 'partners':
        return step.replaceDialog(SEARCH_DIALOG, { ...state, partners: true, partnerKinds: undefined, radiusKm: undefined, offset: 0 });
      case 'employers':
        return step.replaceDialog(SEARCH_DIALOG, { ...state, partners: false, partnerKinds: undefined, radiusKm: undefined, offset: 0 });
      case 'new':
        // A new search: the kind is asked again, the place is the one the conversation knows (and says so).
        sessionOf(step.context).kinds = undefined;
        return step.replaceDialog(SEARCH_DIALOG, {});
      case 'menu':
      case 'back':
        return step.endDialog();
      case 'radius':
        return step.prompt(RADIUS_PROMPT, {
          prompt: t('search:askRadius'),
          choices: RADIUS_CHOICES_KM.map((km) => ({ value: String(km), action: { type: 'imBack', title: `${km} km`, value: `${km} km` }, synonyms: [String(km)] })),
        });
    }
  }

  private async onRadius(step: WaterfallStepContext) {
    const state = this.state(step);
    const radiusKm = Number((step.result as FoundChoice).value);
    return step.replaceDialog(SEARCH_DIALOG, { ...state, radiusKm, offset: 0 });
  }
}

/** The value of a place read at the results prompt (the place itself is read again from the same message). */
const PLACE_VALUE = 'place';
/** Prefix of a structure of the page read at the results prompt by its position (« le premier »): `structure:2`, `structure:last`. */
const STRUCTURE_VALUE = 'structure:';

/** What the results prompt knows of the page above it (its options' validations). */
interface ResultsShown {
  structuresShown: number;
}

/** The place read at the results this turn, by text and context (the prompt reads its answer several times a turn). */
const RESULTS_PLACE_KEY = Symbol('resultsPlace');

/** A place said at the results, outright (one commune, a postal code, a zone), or undefined. */
function readResultsPlace(context: TurnContext, territory: string | undefined): Place | undefined {
  const text = context.activity.text;
  if (!text) return undefined;
  const departement = sessionOf(context).departement;
  const key = `${departement ?? ''}|${territory ?? ''}|${text}`;
  const known = context.turnState.get(RESULTS_PLACE_KEY) as { key: string; place: Place | undefined } | undefined;
  if (known?.key === key) return known.place;
  const result = readPlaceAnswer(text, placeContext({ departement, territory }), { foundOnly: true });
  const place = result.status === 'found' ? result.place : undefined;
  context.turnState.set(RESULTS_PLACE_KEY, { key, place });
  return place;
}

/**
 * The question under the results: its buttons, a kind said in words (hidden choices), or another
 * place (« et au François ? »), read loosely so that a sentence asking for something else wins.
 */
class ResultsPrompt extends ButtonsPrompt {
  constructor(
    dialogId: string,
    private readonly territory?: string,
  ) {
    // The kinds are read at the results too, not kept in the state (ButtonsPrompt's `hidden`).
    super(dialogId, undefined, (context) => kindChoicesToRead(tr(context), KIND_VALUE));
  }

  override read(context: TurnContext, options: PromptOptions): FoundChoice | undefined {
    // « le premier », « la deuxième structure »: a structure of the page above, not a button (« 2 » stays the second button).
    const shown = (options.validations as ResultsShown | undefined)?.structuresShown ?? 0;
    const ordinal = shown > 0 ? readOrdinal(context.activity.text) : undefined;
    if (ordinal === 'last' || (ordinal !== undefined && ordinal <= shown)) {
      return { value: `${STRUCTURE_VALUE}${ordinal}`, index: -1, score: 1, synonym: context.activity.text ?? '' };
    }
    const read = super.read(context, options);
    if (read) return read;
    return readResultsPlace(context, this.territory) ? { value: PLACE_VALUE, index: -1, score: 0.8, synonym: '' } : undefined;
  }
}

/** The starting point from the options: what an earlier loop kept, or what free text said. */
function fromUnderstood(options: SearchOptions): SearchOptions {
  const state: SearchOptions = { ...options };
  delete state.understood;
  delete state.text;
  const slots = options.understood?.slots;
  if (slots) {
    const kinds = (slots.kinds ?? []) as StructureKind[];
    const partnerKinds = kinds.filter((k) => PARTNER_KINDS_SHOWN.includes(k));
    if (partnerKinds.length > 0 && partnerKinds.length === kinds.length) {
      state.partners = true;
      state.partnerKinds = partnerKinds;
    }
    else if (kinds.length > 0) state.kinds = kinds.filter((k) => !PARTNER_KINDS_SHOWN.includes(k));
    if (slots.place) state.place = placeOfSlot(slots.place);
    if (slots.radiusKm && slots.radiusKm > 0 && slots.radiusKm <= 200) state.radiusKm = slots.radiusKm;
  }
  return state;
}


/** Between the kinds of one recalled answer (« chantiers et entreprises »). */
const KINDS_SEPARATOR = ',';

/** The kind question: the kinds the conversation knows answer it (before it is asked, or learned while it was interrupted), said so. */
class KindPrompt extends ButtonsPrompt {
  protected override recall(context: TurnContext): Recalled<FoundChoice> | undefined {
    const known = sessionOf(context).kinds;
    if (!known) return undefined;
    const value = known.length > 0 ? known.join(KINDS_SEPARATOR) : ANY_KIND;
    return { value: { value, index: 0, score: 1, synonym: '' }, facts: [kindsInWords(known.length > 0 ? known : [...SIAE_KINDS], tr(context))] };
  }
}

function kindsInWords(kinds: readonly StructureKind[], t: (key: string) => string): string {
  if (kinds.length === 1) return t(`search:kindPlural.${kinds[0]}`);
  return t('search:what.employers');
}

