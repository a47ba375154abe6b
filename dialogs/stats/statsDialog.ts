import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { areaOf, type DirectoryReader, type KindStats } from '../../knowledge/directory/directoryPort';
import { figuresOf } from '../../knowledge/directory/figures';
import { isStructureKind } from '../../knowledge/directory/kinds';
import type { Place } from '../../knowledge/territory';
import { placeOfSlot } from '../../knowledge/understanding/slots/place';
import { PLACE_QUESTION, PlaceQuestion, rememberPlace, type PlaceQuestionOptions } from '../shared/place/placeQuestion';
import { placeWords, servedArea } from '../shared/territory';
import { sessionOf } from '../shared/session';
import { tr, turnLocale } from '../shared/turnLocale';
import type { FeatureOptions } from '../shared/understanding';

export const STATS_DIALOG = 'stats';
const STEPS = 'stats.steps';
/** Figures are counted over an area or a commune, not around a point. */
const COUNTED_PLACES: ReadonlyArray<Place['type']> = ['commune', 'arrondissement', 'postcode', 'departement', 'region', 'epci', 'zone', 'country'];

export interface StatsDialogDeps {
  directory: DirectoryReader;
  /** The territory the guichet serves (TERRITORY code): counted when no place is said; its namesakes win. */
  territory?: string;
}

/**
 * "Combien de structures dans le Sud ?": SIAE and insertion posts by kind for a territory (commune,
 * zone, EPCI, département, région), computed from the directory; the guichet's own territory when no
 * place is said. Other kinds are counted only when asked (« combien de missions locales ? »);
 * partners are listed apart, never added to the count.
 */
export class StatsDialog extends ComponentDialog {
  readonly helpKey = 'stats:help';

  constructor(private readonly deps: StatsDialogDeps) {
    super(STATS_DIALOG);
    this.addDialog(new PlaceQuestion(deps.territory));
    this.addDialog(new WaterfallDialog(STEPS, [this.askPlace.bind(this), this.answer.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askPlace(step: WaterfallStepContext) {
    const understood = (step.options as FeatureOptions).understood?.slots.place;
    const place = understood ? placeOfSlot(understood) : undefined;
    if (place && place.type !== 'coords') return step.next(place);
    // « et les ACI ? » right after figures: the same place (said again in the answer's first line).
    const last = sessionOf(step.context).lastFigures;
    if ((step.options as FeatureOptions).again && last) {
      (step.values as { repeated?: boolean }).repeated = true;
      return step.next(last.place);
    }
    const served = servedArea(this.deps.territory);
    if (served) {
      (step.values as { ownTerritory?: boolean }).ownTerritory = true;
      return step.next(served);
    }
    return step.beginDialog(PLACE_QUESTION, { promptKey: 'stats:askPlace', types: COUNTED_PLACES } satisfies PlaceQuestionOptions);
  }

  private async answer(step: WaterfallStepContext) {
    const t = tr(step.context);
    const place = step.result as Place | undefined;
    if (!place) return step.endDialog();
    const values = step.values as { ownTerritory?: boolean; repeated?: boolean };
    if (!values.ownTerritory && !values.repeated) rememberPlace(step.context, place);
    const options = step.options as FeatureOptions;
    const said = (options.understood?.slots.kinds ?? []).filter(isStructureKind);
    // « et au Robert ? » right after the figures of the ACI at Ducos: the ACI again.
    const last = sessionOf(step.context).lastFigures;
    const asked = said.length === 0 && options.again && last ? last.kinds : said;
    const figures = figuresOf(await this.deps.directory.statsByKind(areaOf(place)), asked);
    const where = placeWords(place);
    const kindName = (kind: string) => t(`directory:kinds.${kind}.name`);
    const lines: string[] = [];
    const row = (r: KindStats) => `- ${t('common:labelled', { label: kindName(r.kind), value: t('stats:row', { count: r.structures, posts: t('stats:rowPosts', { count: r.posts }) }) })}`;
    if (figures.byKind.length === 0) {
      // The kinds asked are named, so that the SIAE of other kinds listed next are not read as them.
      const kinds = new Intl.ListFormat(turnLocale(step.context), { type: 'conjunction' }).format(asked.map(kindName));
      lines.push(figures.counted === 'siae' ? t('stats:noneSiae', where) : t('stats:noneKinds', { ...where, kinds }));
    } else {
      lines.push(t(figures.counted === 'siae' ? 'stats:totalSiae' : 'stats:total', { ...where, count: figures.total.structures, posts: t('stats:posts', { count: figures.total.posts }) }));
      lines.push(...figures.byKind.map(row));
    }
    if (figures.otherSiae.length > 0) {
      lines.push(t('stats:otherSiae'));
      lines.push(...figures.otherSiae.map(row));
    }
    const apart = [...figures.otherEmployers, ...figures.partners];
    if (apart.length > 0) {
      lines.push(t('stats:apart'));
      lines.push(...apart.map((r) => `- ${t('common:labelled', { label: kindName(r.kind), value: t('stats:partnerRow', { count: r.structures }) })}`));
    }
    lines.push(t('stats:source'));
    if ((step.values as { ownTerritory?: boolean }).ownTerritory) lines.push(t('stats:otherPlace'));
    await step.context.sendActivity(lines.join('\n'));
    sessionOf(step.context).lastAnswer = 'stats';
    sessionOf(step.context).lastFigures = { place, kinds: asked };
    return step.endDialog();
  }
}
