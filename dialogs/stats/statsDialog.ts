import { ComponentDialog, TextPrompt, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { areaOf, type DirectoryReader } from '../../knowledge/directory/directoryPort';
import { resolvePlace, type Place } from '../../knowledge/territory';
import { placeFromUnderstood } from '../search/searchDialog';
import { placeChoiceLabel } from '../search/placeLabel';
import { sessionOf } from '../shared/session';
import { tr } from '../shared/turnLocale';
import type { FeatureOptions } from '../shared/understanding';

export const STATS_DIALOG = 'stats';
const STEPS = 'stats.steps';
const PLACE_PROMPT = 'stats.place';

export interface StatsDialogDeps {
  directory: DirectoryReader;
}

/**
 * "Combien de structures dans le Sud ?": counts of structures and insertion posts by kind for a
 * territory (commune, zone, EPCI, département, région), computed from the directory.
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
    return step.prompt(PLACE_PROMPT, { prompt: tr(step.context)('stats:askPlace'), retryPrompt: tr(step.context)('stats:askPlaceRetry') });
  }

  private async validatePlace(prompt: PromptValidatorContext<string>): Promise<boolean> {
    if (!prompt.recognized.succeeded) return false;
    const session = sessionOf(prompt.context);
    const result = resolvePlace(prompt.recognized.value ?? '', session.departement ? { departement: session.departement } : undefined);
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
    const rows = (await this.deps.directory.statsByKind(areaOf(place))).filter((r) => r.structures > 0);
    const where = placeChoiceLabel(place);
    if (rows.length === 0) {
      await step.context.sendActivity(t('stats:none', { place: where }));
      return step.endDialog();
    }
    const structures = rows.reduce((n, r) => n + r.structures, 0);
    const posts = rows.reduce((n, r) => n + r.posts, 0);
    const lines = [
      t('stats:total', { place: where, count: structures, posts }),
      ...rows.map((r) => `- ${t(`directory:kinds.${r.kind}.name`)} : ${t('stats:row', { count: r.structures, posts: r.posts })}`),
      t('stats:source'),
    ];
    await step.context.sendActivity(lines.join('\n'));
    return step.endDialog();
  }
}
