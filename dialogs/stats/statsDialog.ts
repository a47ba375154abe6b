import { ComponentDialog, TextPrompt, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { areaOf, type DirectoryReader } from '../../knowledge/directory/directoryPort';
import { figuresOf } from '../../knowledge/directory/figures';
import { isStructureKind } from '../../knowledge/directory/kinds';
import { placeContext, resolvePlace, type Place } from '../../knowledge/territory';
import { placeFromUnderstood } from '../search/searchDialog';
import { placeChoiceLabel } from '../search/placeLabel';
import { sessionOf } from '../shared/session';
import { servedArea } from '../shared/territory';
import { tr } from '../shared/turnLocale';
import type { FeatureOptions } from '../shared/understanding';

export const STATS_DIALOG = 'stats';
const STEPS = 'stats.steps';
const PLACE_PROMPT = 'stats.place';

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
    this.addDialog(new TextPrompt(PLACE_PROMPT, (prompt) => this.validatePlace(prompt)));
    this.addDialog(new WaterfallDialog(STEPS, [this.askPlace.bind(this), this.answer.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askPlace(step: WaterfallStepContext) {
    const understood = (step.options as FeatureOptions).understood?.slots.place;
    const place = understood ? placeFromUnderstood(understood) : undefined;
    if (place && place.type !== 'coords') return step.next(JSON.stringify(place));
    const served = servedArea(this.deps.territory);
    if (served) {
      (step.values as { ownTerritory?: boolean }).ownTerritory = true;
      return step.next(JSON.stringify(served));
    }
    return step.prompt(PLACE_PROMPT, { prompt: tr(step.context)('stats:askPlace'), retryPrompt: tr(step.context)('stats:askPlaceRetry') });
  }

  private async validatePlace(prompt: PromptValidatorContext<string>): Promise<boolean> {
    if (!prompt.recognized.succeeded) return false;
    const session = sessionOf(prompt.context);
    const result = resolvePlace(prompt.recognized.value ?? '', placeContext({ departement: session.departement, territory: this.deps.territory }));
    const place = result.status === 'found' ? result.place : result.status === 'not_found' ? undefined : result.candidates[0];
    if (place && place.type !== 'coords') {
      prompt.recognized.value = JSON.stringify(place);
      return true;
    }
    return false;
  }

  private async answer(step: WaterfallStepContext) {
    const t = tr(step.context);
    const place = JSON.parse(step.result as string) as Place;
    const asked = ((step.options as FeatureOptions).understood?.slots.kinds ?? []).filter(isStructureKind);
    const figures = figuresOf(await this.deps.directory.statsByKind(areaOf(place)), asked);
    const where = placeChoiceLabel(place);
    const kindName = (kind: string) => t(`directory:kinds.${kind}.name`);
    const lines: string[] = [];
    if (figures.byKind.length === 0) {
      lines.push(t(figures.counted === 'siae' ? 'stats:noneSiae' : 'stats:none', { place: where }));
    } else {
      lines.push(t(figures.counted === 'siae' ? 'stats:totalSiae' : 'stats:total', { place: where, count: figures.total.structures, posts: figures.total.posts }));
      lines.push(...figures.byKind.map((r) => `- ${kindName(r.kind)} : ${t('stats:row', { count: r.structures, posts: r.posts })}`));
    }
    const apart = [...figures.otherEmployers, ...figures.partners];
    if (apart.length > 0) {
      lines.push(t('stats:apart'));
      lines.push(...apart.map((r) => `- ${kindName(r.kind)} : ${t('stats:partnerRow', { count: r.structures })}`));
    }
    lines.push(t('stats:source'));
    if ((step.values as { ownTerritory?: boolean }).ownTerritory) lines.push(t('stats:otherPlace'));
    await step.context.sendActivity(lines.join('\n'));
    return step.endDialog();
  }
}
