import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { choicesMessage } from './shared/choices';
import { LOCALES, translator } from '../locales/i18n';
import { foldText } from '../knowledge/text/fold';
import type { Feature } from './feature';
import { menuFeaturesFor } from './shared/audience';
import { understoodSummary } from './shared/understoodSummary';
import { routeFreeText, type FreeTextRouterDeps } from './freeTextRouter';
import { isHandoff } from './shared/handoff';
import { sendHelp } from './helpMessage';
import { sessionOf } from './shared/session';
import type { FeatureOptions } from './shared/understanding';
import { tr } from './shared/turnLocale';

export const MENU_DIALOG = 'menu';
/** The « Aide » button's place in the menu, right after the features. */
const HELP_POSITION = Symbol('help');

export interface MenuOptions {
  /** The message that opened the conversation, tried as a menu choice before showing the menu. */
  initialText?: string;
}

/**
 * The main menu: shows what the assistant can do, starts the chosen feature, and comes back when
 * that feature ends. Buttons send their label, so typing the label works too. The "Aide" and
 * language buttons are global commands, handled by the root dialog before the menu sees them.
 */
export class MenuDialog extends Dialog<MenuOptions> {
  private readonly features: readonly Feature[];

  constructor(private readonly deps: FreeTextRouterDeps) {
    super(MENU_DIALOG);
    this.features = deps.features;
  }

  override async beginDialog(dc: DialogContext, options?: MenuOptions): Promise<DialogTurnResult> {
    const text = options?.initialText?.trim();
    if (text && this.deps.understand) return this.onText(dc, text);
    const feature = this.match(text);
    if (feature) return dc.beginDialog(feature.dialog.id);
    await this.showMenu(dc.context, 'common:menu.prompt');
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.onText(dc, dc.context.activity.text?.trim() ?? '');
  }

  /** A menu label or synonym starts its feature; other text goes to the free-text router. */
  private async onText(dc: DialogContext, text: string): Promise<DialogTurnResult> {
    const session = sessionOf(dc.context);
    const pending = session.pendingUnderstood;
    session.pendingUnderstood = undefined;
    const after = session.lastAnswer;
    session.lastAnswer = undefined;
    const feature = this.match(text) ?? (await this.byPosition(dc.context, text));
    if (feature === HELP_POSITION) {
      await sendHelp(dc.context, this.features);
      await this.showMenu(dc.context, 'common:menu.prompt');
      return Dialog.EndOfTurn;
    }
    if (feature) {
      // The person picked what they meant after a doubtful message: keep what that message said.
      const options: FeatureOptions | undefined = pending && feature.intents?.includes(pending.understood.intent) ? pending : undefined;
      const summary = options?.understood && understoodSummary(options.understood, tr(dc.context));
      if (summary) await dc.context.sendActivity(summary);
      return dc.beginDialog(feature.dialog.id, options);
    }
    if (pending && foldText(text) === foldText(tr(dc.context)('common:menu.label'))) {
      await this.showMenu(dc.context, 'common:menu.prompt');
      return Dialog.EndOfTurn;
    }
    const routed = await routeFreeText(dc, text, this.deps, after);
    if (routed.kind === 'started') return routed.result;
    if (routed.kind === 'asked' || routed.kind === 'answered') return Dialog.EndOfTurn;
    await this.showMenu(dc.context, routed.promptKey);
    return Dialog.EndOfTurn;
  }

  override async resumeDialog(dc: DialogContext, _reason?: unknown, result?: unknown): Promise<DialogTurnResult> {
    if (isHandoff(result) && this.features.some((f) => f.dialog.id === result.handoff.dialogId)) {
      return dc.beginDialog(result.handoff.dialogId, result.handoff.options);
    }
    await this.showMenu(dc.context, 'common:menu.again');
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext): Promise<void> {
    await this.showMenu(context, 'common:menu.prompt');
  }

  private async showMenu(context: TurnContext, promptKey: string): Promise<void> {
    const t = tr(context);
    const shown = await menuFeaturesFor(context, this.features);
    const labels = [...shown.map((f) => t(f.menuLabelKey)), t('common:menu.help'), t('common:menu.language')];
    await context.sendActivity(choicesMessage(context, labels, t(promptKey)));
  }

  /**
   * « 7 » alone: the menu's seventh button, as under every question (the features shown, then
   * « Aide »); undefined for another number or the language button.
   */
  private async byPosition(context: TurnContext, text: string): Promise<Feature | typeof HELP_POSITION | undefined> {
    if (!/^\d{1,2}$/.test(text)) return undefined;
    const shown = await menuFeaturesFor(context, this.features);
    const index = Number(text) - 1;
    if (index === shown.length) return HELP_POSITION;
    return index >= 0 ? shown[index] : undefined;
  }

  /** The feature a message names: its label in any language, or one of its synonyms. */
  private match(text: string | undefined): Feature | undefined {
    if (!text) return undefined;
    return this.featureNames().get(foldText(text));
  }

  /** The features by their folded labels (every language) and synonyms, the first feature for a shared name (folded once). */
  private names?: Map<string, Feature>;
  private featureNames(): Map<string, Feature> {
    if (!this.names) {
      const names = new Map<string, Feature>();
      for (const f of this.features) {
        for (const name of [...LOCALES.map((lng) => translator(lng)(f.menuLabelKey)), ...(f.synonyms ?? [])]) {
          const folded = foldText(name);
          if (!names.has(folded)) names.set(folded, f);
        }
      }
      this.names = names;
    }
    return this.names;
  }
}
