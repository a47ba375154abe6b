import { AttachmentLayoutTypes, MessageFactory } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type Choice,
  type FoundChoice,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { ButtonsPrompt } from '../shared/choices';
import { DEFAULT_RADIUS_KM, RADIUS_CHOICES_KM, SIAE_KINDS, isSiaeKind, type StructureKind } from '../../knowledge/directory/kinds';
import type { DirectoryReader } from '../../knowledge/directory/directoryPort';
import { findStructures, searchesAround } from '../../knowledge/directory/findStructures';
import { isDemo } from '../../knowledge/directory/structure';
import { placeContext, resolvePlace, type Place } from '../../knowledge/territory';
import { placeOfKey } from '../../knowledge/territory/places';
import { loadTerritory } from '../../knowledge/territory/load';
import { sessionOf } from '../shared/session';
import { outsideSentence } from '../shared/territory';
import { tr, turnLocale } from '../shared/turnLocale';
import type { FeatureOptions, UnderstoodPlace } from '../shared/understanding';
import { placeChoiceLabel } from './placeLabel';
import { structureCard } from './structureCard';
import { printableChannelData, printableStructure } from '../shared/printable';

export const SEARCH_DIALOG = 'search';
const STEPS = 'search.steps';
const KIND_PROMPT = 'search.kind';
const PLACE_PROMPT = 'search.place';
const PICK_PLACE_PROMPT = 'search.pickPlace';
const NEXT_PROMPT = 'search.next';
const RADIUS_PROMPT = 'search.radius';

export const PAGE_SIZE = 5;
const MAX_PLACE_ATTEMPTS = 3;

/** Where a search stands; carried in the dialog's options so every loop restarts from it. */
export interface SearchOptions extends FeatureOptions {
  /** Undefined: not asked yet. Empty: every SIAE kind. */
  kinds?: StructureKind[];
  /** Looking for prescribers and partners rather than employers. */
  partners?: boolean;
  place?: Place;
  radiusKm?: number;
  /** Words the structures must have (name, sectors, description). */
  words?: string;
  offset?: number;
}

/** What the steps keep between them. */
interface StepValues {
  search?: SearchOptions;
  candidates?: Place[];
  actions?: NextAction[];
  widerKm?: number;
}
const valuesOf = (step: WaterfallStepContext) => step.values as StepValues;

type NextAction = 'more' | 'radius' | 'widen' | 'partners' | 'employers' | 'new' | 'menu';

const PARTNER_KINDS_SHOWN: StructureKind[] = ['FT', 'ML', 'CAP_EMPLOI', 'PLIE', 'DEPT'];

export interface SearchDialogDeps {
  directory: DirectoryReader;
  /** Cards of SIAE offer « Faire une demande ici » (when requests exist). */
  canRequest?: boolean;
  /** The territory the guichet serves (TERRITORY code); undefined: the whole country. */
  territory?: string;
}

/** A place the understanding found, as a full territory place. */
export function placeFromUnderstood(understood: UnderstoodPlace): Place | undefined {
  if (understood.type === 'coords') {
    const found = resolvePlace(understood.code);
    return found.status === 'found' ? found.place : undefined;
  }
  if (understood.type === 'postcode') {
    const found = resolvePlace(understood.code);
    return found.status === 'found' ? found.place : undefined;
  }
  return placeOfKey(loadTerritory(), `${understood.type}:${understood.code}`);
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
    this.addDialog(new ButtonsPrompt(KIND_PROMPT));
    this.addDialog(new TextPrompt(PLACE_PROMPT, (prompt) => this.validatePlace(prompt)));
    this.addDialog(new ButtonsPrompt(PICK_PLACE_PROMPT));
    this.addDialog(new ButtonsPrompt(NEXT_PROMPT));
    this.addDialog(new ButtonsPrompt(RADIUS_PROMPT));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.askKind.bind(this),
        this.askPlace.bind(this),
        this.pickPlace.bind(this),
        this.showResults.bind(this),
        this.onNextAction.bind(this),
        this.onRadius.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private state(step: WaterfallStepContext): SearchOptions {
    const values = valuesOf(step);
    values.search ??= fromUnderstood(step.options as SearchOptions);
    return values.search;
  }

  private async askKind(step: WaterfallStepContext) {
    const state = this.state(step);
    if (state.partners || state.kinds !== undefined) return step.next();
    const t = tr(step.context);
    const explanations = SIAE_KINDS.map((k) => `- ${t(`directory:kinds.${k}.short`)} : ${t(`directory:kinds.${k}.explain`)}`);
    const choices: Choice[] = [
      ...SIAE_KINDS.map((k) => ({
        value: k,
        action: { type: 'imBack', title: capitalise(t(`directory:kinds.${k}.short`)), value: capitalise(t(`directory:kinds.${k}.short`)) },
        synonyms: [k, t(`directory:kinds.${k}.name`), t(`directory:kinds.${k}.short`)],
      })),
      { value: 'ALL', action: { type: 'imBack', title: t('common:answers.unknown'), value: t('common:answers.unknown') }, synonyms: ['tous', 'all', 'peu importe', 'any'] },
    ];
    return step.prompt(KIND_PROMPT, {
      prompt: [t('search:askKind'), ...explanations].join('\n'),
      retryPrompt: t('search:askKindRetry'),
      choices,
    });
  }

  private async askPlace(step: WaterfallStepContext) {
    const state = this.state(step);
    if (step.result && (step.result as FoundChoice).value) {
      const value = (step.result as FoundChoice).value;
      state.kinds = value === 'ALL' ? [] : [value as StructureKind];
    }
    if (state.place) return step.next();
    const t = tr(step.context);
    return step.prompt(PLACE_PROMPT, { prompt: t('search:askPlace'), retryPrompt: t('search:askPlaceRetry') });
  }

  private async validatePlace(prompt: PromptValidatorContext<string>): Promise<boolean> {
    if (!prompt.recognized.succeeded) return false;
    const session = sessionOf(prompt.context);
    const result = resolvePlace(prompt.recognized.value ?? '', placeContext({ departement: session.departement, territory: this.deps.territory }));
    if (result.status !== 'not_found') {
      prompt.recognized.value = JSON.stringify(result);
      return true;
    }
    if (prompt.attemptCount >= MAX_PLACE_ATTEMPTS) {
      prompt.recognized.value = JSON.stringify(result);
      return true;
    }
    return false;
  }

  private async pickPlace(step: WaterfallStepContext) {
    const state = this.state(step);
    if (state.place) return step.next();
    const t = tr(step.context);
    const result = JSON.parse(step.result as string) as ReturnType<typeof resolvePlace>;
    if (result.status === 'found') {
      state.place = result.place;
      return step.next();
    }
    if (result.status === 'not_found') {
      await step.context.sendActivity(t('search:placeNotFound'));
      return step.endDialog();
    }
    valuesOf(step).candidates = result.candidates;
    const prompt = result.status === 'ambiguous' ? t('search:whichPlace') : t('search:didYouMean');
    return step.prompt(PICK_PLACE_PROMPT, {
      prompt,
      choices: [...result.candidates.map((p) => placeChoiceLabel(p)), t('search:otherPlace')],
    });
  }

  private async showResults(step: WaterfallStepContext) {
    const state = this.state(step);
    const t = tr(step.context);
    if (!state.place) {
      const picked = step.result as FoundChoice;
      const candidates = valuesOf(step).candidates ?? [];
      if (picked.index >= candidates.length) return step.replaceDialog(SEARCH_DIALOG, { ...state, place: undefined, offset: 0 });
      state.place = candidates[picked.index];
    }
    const place = state.place!;
    const session = sessionOf(step.context);
    if (place.departement) session.departement = place.departement;

    const kinds = state.partners ? PARTNER_KINDS_SHOWN : state.kinds && state.kinds.length > 0 ? state.kinds : [...SIAE_KINDS];
    const radiusKm = state.radiusKm ?? (state.partners ? DEFAULT_RADIUS_KM.partners : DEFAULT_RADIUS_KM.employers);
    state.radiusKm = radiusKm;
    const offset = state.offset ?? 0;
    const found = await findStructures(this.deps.directory, { place, radiusKm, kinds, text: state.words, limit: PAGE_SIZE, offset });
    const locale = turnLocale(step.context);
    const what = state.partners ? t('search:what.partners') : kindsInWords(kinds, t);
    const where = placeChoiceLabel(place);
    const outside = offset === 0 ? outsideSentence(t, place, this.deps.territory, found.total > 0) : undefined;
    if (outside) await step.context.sendActivity(outside);

    if (found.total === 0) {
      await step.context.sendActivity(
        found.mode === 'radius' ? t('search:noneAround', { what, km: radiusKm, place: where }) : t('search:noneIn', { what, place: where }),
      );
    } else {
      if (offset === 0) {
        await step.context.sendActivity(
          found.mode === 'radius'
            ? t('search:foundAround', { count: found.total, what, km: radiusKm, place: where })
            : t('search:foundIn', { count: found.total, what, place: where }),
        );
      }
      const cards = found.items.map((i) =>
        structureCard(i.structure, i.distanceKm, t, locale, { canRequest: this.deps.canRequest && isSiaeKind(i.structure.kind) }),
      );
      const message = MessageFactory.carousel(cards);
      message.attachmentLayout = AttachmentLayoutTypes.Carousel;
      message.channelData = printableChannelData({ kind: 'structures', items: found.items.map((i) => printableStructure(i.structure, t)) });
      await step.context.sendActivity(message);
      if (found.items.some((i) => isDemo(i.structure))) await step.context.sendActivity(t('directory:demoDataset'));
    }

    const more = offset + PAGE_SIZE < found.total;
    const wider = RADIUS_CHOICES_KM.find((r) => r > radiusKm);
    const actions: Array<[NextAction, string]> = [];
    if (more) actions.push(['more', t('search:next.more', { count: found.total - offset - PAGE_SIZE })]);
    if (found.total === 0 && found.mode === 'radius' && wider) actions.push(['widen', t('search:next.widen', { km: wider })]);
    if (found.mode === 'radius') actions.push(['radius', t('search:next.radius')]);
    actions.push(state.partners ? ['employers', t('search:next.employers')] : ['partners', t('search:next.partners')]);
    actions.push(['new', t('search:next.new')], ['menu', t('search:next.menu')]);
    valuesOf(step).actions = actions.map(([action]) => action);
    valuesOf(step).widerKm = wider;
    return step.prompt(NEXT_PROMPT, { prompt: t('search:next.prompt'), choices: actions.map(([, label]) => label) });
  }

  private async onNextAction(step: WaterfallStepContext) {
    const state = this.state(step);
    const action = (valuesOf(step).actions ?? [])[(step.result as FoundChoice).index];
    const t = tr(step.context);
    switch (action) {
      case 'more':
        return step.replaceDialog(SEARCH_DIALOG, { ...state, offset: (state.offset ?? 0) + PAGE_SIZE });
      case 'widen':
        return step.replaceDialog(SEARCH_DIALOG, { ...state, radiusKm: valuesOf(step).widerKm, offset: 0 });
      case 'partners':
        return step.replaceDialog(SEARCH_DIALOG, { ...state, partners: true, radiusKm: undefined, offset: 0 });
      case 'employers':
        return step.replaceDialog(SEARCH_DIALOG, { ...state, partners: false, radiusKm: undefined, offset: 0 });
      case 'new':
        return step.replaceDialog(SEARCH_DIALOG, {});
      case 'menu':
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

/** The starting point from the options: what an earlier loop kept, or what free text said. */
function fromUnderstood(options: SearchOptions): SearchOptions {
  const state: SearchOptions = { ...options };
  delete state.understood;
  delete state.text;
  const slots = options.understood?.slots;
  if (slots) {
    const kinds = (slots.kinds ?? []) as StructureKind[];
    const partnerKinds = kinds.filter((k) => PARTNER_KINDS_SHOWN.includes(k));
    if (partnerKinds.length > 0 && partnerKinds.length === kinds.length) state.partners = true;
    else if (kinds.length > 0) state.kinds = kinds.filter((k) => !PARTNER_KINDS_SHOWN.includes(k));
    if (slots.place) state.place = placeFromUnderstood(slots.place);
    if (slots.radiusKm && slots.radiusKm > 0 && slots.radiusKm <= 200) state.radiusKm = slots.radiusKm;
  }
  return state;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kindsInWords(kinds: readonly StructureKind[], t: (key: string) => string): string {
  if (kinds.length === 1) return t(`search:kindPlural.${kinds[0]}`);
  return t('search:what.employers');
}

