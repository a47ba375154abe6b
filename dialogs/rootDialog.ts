import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  type DialogContext,
  type DialogState,
  type DialogStateManagerConfiguration,
  type Dialog,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import type { Feature, StepsBack } from './feature';
import { audienceOf } from './shared/audience';
import { recognizeGlobalCommand, type GlobalCommand } from './globalCommands';
import { sendHelp } from './helpMessage';
import { interruption, RESUME_DIALOG, ResumeDialog } from './interruption';
import { MENU_DIALOG, MenuDialog, type MenuOptions } from './menuDialog';
import { structureCardActionSchema } from './search/structureCard';
import { markWelcomedThisTurn, setTurnSession, type ConversationSession } from './shared/session';
import { setTurnLocale, setTurnWording, tr, turnLocale } from './shared/turnLocale';
import { ofTerritory, servedArea } from './shared/territory';
import { writtenLanguage } from '../knowledge/text/language';
import { labelLanguage } from './shared/labelLanguage';
import type { Understand } from './shared/understanding';
import type { UserProfile } from './shared/userProfile';

export const ROOT_DIALOG = 'root';

/**
 * The turn-state key under which botbuilder-dialogs (4.23, `memory/dialogStateManager.ts`) looks for
 * the dialog state manager's configuration (its memory scopes and path resolvers) before building it.
 * Every DialogContext of a turn has a DialogStateManager; the first of each turn built that
 * configuration again (a service collection, nine memory scopes, a zod check of the settings). The
 * scopes hold no state of their own (they read the turn's context), so one configuration serves every
 * turn. Checked by test/dialogs/dialogStateConfiguration.test.ts.
 */
export const DIALOG_STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

export interface RootDialogDeps {
  features: readonly Feature[];
  understand?: Understand;
  /** The territory the guichet serves (TERRITORY code): the welcome names it. */
  territory?: string;
  dialogState: StatePropertyAccessor<DialogState>;
  session: StatePropertyAccessor<ConversationSession>;
  profile: StatePropertyAccessor<UserProfile>;
}

/** A dialog that can say what it is asking, for context-sensitive help. */
interface WithHelp {
  helpKey?: string;
}

/**
 * The root of every conversation: the welcome, the menu and the features under it, and the global
 * commands (aide, menu, annuler, recommencer, english/français, français facile) that work at any point.
 */
export class RootDialog extends ComponentDialog {
  /** The set the root runs in: made once, like the dialogs in it (it holds no turn's state). */
  private readonly set: DialogSet;
  /** The dialog state manager's configuration, made by the first turn and given to every later one. */
  private stateConfiguration?: DialogStateManagerConfiguration;
  private readonly welcomes = new Map<TFunction, string>();

  constructor(private readonly deps: RootDialogDeps) {
    super(ROOT_DIALOG);
    this.addDialog(new MenuDialog({ features: deps.features, understand: deps.understand }));
    for (const feature of deps.features) this.addDialog(feature.dialog);
    this.addDialog(new ResumeDialog());
    this.initialDialogId = MENU_DIALOG;
    this.set = new DialogSet(deps.dialogState);
    this.set.add(this);
  }

  /** Runs one turn: welcomes a new conversation, continues the active dialog or opens the menu. */
  async run(context: TurnContext): Promise<void> {
    if (this.stateConfiguration && !context.turnState.has(DIALOG_STATE_MANAGER_CONFIGURATION)) {
      context.turnState.set(DIALOG_STATE_MANAGER_CONFIGURATION, this.stateConfiguration);
    }
    const dc = await this.set.createContext(context);
    this.stateConfiguration ??= dc.state.configuration;
    const session = await this.deps.session.get(context, {});
    setTurnSession(context, session);
    await this.followWrittenLanguage(context);
    if (context.activity.type === 'conversationUpdate') {
      if (dc.activeDialog) return;
      await this.welcome(context, session);
      await dc.beginDialog(this.id, {});
      return;
    }
    if (!session.welcomed) await this.welcome(context, session);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await dc.beginDialog(this.id, { initialText: context.activity.text } satisfies MenuOptions);
    }
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: MenuOptions): Promise<DialogTurnResult> {
    const command = recognizeGlobalCommand(options?.initialText);
    if (command) return this.handle(innerDc, command);
    const card = await this.onCardAction(innerDc);
    if (card) return card;
    return super.onBeginDialog(innerDc, options);
  }

  /**
   * The turn pipeline, once for every dialog: a global command, a card button, then a request for
   * something else than the question asked (interruption), and only then the running dialog.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const command = recognizeGlobalCommand(innerDc.context.activity.text);
    if (command) return this.handle(innerDc, command);
    const card = await this.onCardAction(innerDc);
    if (card) return card;
    const interrupted = await interruption(innerDc, this.deps);
    if (interrupted) return interrupted;
    return super.onContinueDialog(innerDc);
  }

  /** A card button pressed at any point (« Faire une demande ici ») starts what it asks for. */
  private async onCardAction(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const parsed = structureCardActionSchema.safeParse(innerDc.context.activity.value);
    if (!parsed.success) return undefined;
    const request = this.deps.features.find((f) => f.id === 'request');
    if (!request) return undefined;
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(request.dialog.id, { structureId: parsed.data.structureId });
  }

  private async handle(innerDc: DialogContext, command: GlobalCommand): Promise<DialogTurnResult> {
    const { context } = innerDc;
    const t = () => tr(context);
    switch (command.kind) {
      case 'help': {
        await sendHelp(context, this.deps.features, this.activeHelpKey(innerDc));
        if (!innerDc.activeDialog) return innerDc.beginDialog(MENU_DIALOG);
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      }
      case 'back': {
        // « retour » in a feature that interrupted a question: that question again (ResumeDialog says so and asks it).
        if (innerDc.stack.at(-2)?.id === RESUME_DIALOG) return innerDc.endDialog();
        // The step before, where the running feature has one (the search's results: its kind question, the place kept), said so.
        const top = innerDc.activeDialog;
        const running = top ? (innerDc.findDialog(top.id) as (Dialog & StepsBack) | undefined) : undefined;
        const before = top && innerDc.child ? running?.stepBack?.(innerDc.child) : undefined;
        if (top && before) {
          await context.sendActivity(before.said);
          return innerDc.replaceDialog(top.id, before.options);
        }
        // Otherwise the menu, and the person is told so (the result of a check has no step before worth going to).
        const busy = this.isInFeature(innerDc);
        await innerDc.cancelAllDialogs();
        if (busy) await context.sendActivity(t()('common:menu.back'));
        return innerDc.beginDialog(MENU_DIALOG);
      }
      case 'menu':
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(MENU_DIALOG);
      case 'cancel': {
        const busy = this.isInFeature(innerDc);
        await innerDc.cancelAllDialogs();
        await context.sendActivity(t()(busy ? 'common:cancel.done' : 'common:cancel.nothing'));
        return innerDc.beginDialog(MENU_DIALOG);
      }
      case 'restart': {
        await innerDc.cancelAllDialogs();
        await this.deps.session.set(context, {});
        const fresh = await this.deps.session.get(context, {});
        setTurnSession(context, fresh);
        await context.sendActivity(t()('common:restart.done'));
        await this.welcome(context, fresh);
        return innerDc.beginDialog(MENU_DIALOG);
      }
      case 'wording': {
        const profile = await this.deps.profile.get(context, {});
        profile.wording = command.wording;
        setTurnWording(context, command.wording);
        if (command.locale) {
          profile.locale = command.locale;
          setTurnLocale(context, command.locale);
        }
        await context.sendActivity(t()(`common:wording.${command.wording}`));
        // At the menu, the menu again in the new wording; in a feature, its question again (kept as
        // it was asked), and every later message in the new wording: nothing answered is lost.
        if (!this.isInFeature(innerDc)) {
          await innerDc.cancelAllDialogs();
          return innerDc.beginDialog(MENU_DIALOG);
        }
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      }
      case 'language': {
        const profile = await this.deps.profile.get(context, {});
        profile.locale = command.locale;
        setTurnLocale(context, command.locale);
        await context.sendActivity(t()('common:language.switched'));
        // The feature starts again in the new language from what the conversation knows (place,
        // kinds, answers): its questions were written in the old one.
        const running = innerDc.activeDialog;
        if (!running || running.id === MENU_DIALOG) {
          await innerDc.cancelAllDialogs();
          return innerDc.beginDialog(MENU_DIALOG);
        }
        return innerDc.replaceDialog(running.id);
      }
      case 'person': {
        const person = this.deps.features.find((f) => f.id === 'person');
        if (!person) {
          await context.sendActivity(t()('common:human.contact'));
          if (!innerDc.activeDialog) return innerDc.beginDialog(MENU_DIALOG);
          await innerDc.repromptDialog();
          return { status: DialogTurnStatus.waiting };
        }
        // From the menu: the person feature, then the menu again; from a feature: then back to it.
        if (!this.isInFeature(innerDc)) return innerDc.beginDialog(person.dialog.id);
        return innerDc.beginDialog(RESUME_DIALOG, { dialogId: person.dialog.id });
      }
    }
  }

  /** English text (or an English button) is answered in English and French text in French, whatever the channel's locale; the choice is kept. */
  private async followWrittenLanguage(context: TurnContext): Promise<void> {
    if (context.activity.type !== 'message') return;
    const written = writtenLanguage(context.activity.text) ?? labelLanguage(context.activity.text);
    if (!written || written === turnLocale(context)) return;
    setTurnLocale(context, written);
    const profile = await this.deps.profile.get(context, {});
    profile.locale = written;
  }

  private async welcome(context: TurnContext, session: ConversationSession): Promise<void> {
    const t = tr(context);
    const identified = await audienceOf(context, this.deps.features);
    if (identified) {
      await context.sendActivity(identified.audience.welcome(t, identified.name));
    } else {
      await context.sendActivity(this.welcomeText(t));
    }
    session.welcomed = true;
    markWelcomedThisTurn(context);
  }

  /**
   * The welcome of a person the bot does not know, in a language and wording (`t`): always the same
   * text, since the served territory never changes, so made once for each (at most one per language
   * and wording: `translator` gives one function for each).
   */
  private welcomeText(t: TFunction): string {
    let text = this.welcomes.get(t);
    if (text === undefined) {
      const served = servedArea(this.deps.territory);
      const hello = served ? t('common:welcome.helloTerritory', { of: ofTerritory(t, served) }) : t('common:welcome.hello');
      text = [hello, t('common:welcome.purpose'), t('common:welcome.privacy')].join('\n\n');
      this.welcomes.set(t, text);
    }
    return text;
  }

  /** Whether a feature (not just the menu) is running. */
  private isInFeature(innerDc: DialogContext): boolean {
    return innerDc.stack.some((instance) => instance.id !== MENU_DIALOG);
  }

  /** The help key of the innermost running dialog that has one. */
  private activeHelpKey(innerDc: DialogContext): string | undefined {
    let dc: DialogContext | undefined = innerDc;
    let key: string | undefined;
    while (dc?.activeDialog) {
      const dialog = dc.findDialog(dc.activeDialog.id) as (WithHelp & object) | undefined;
      key = dialog?.helpKey ?? key;
      dc = dc.child;
    }
    return key;
  }
}
