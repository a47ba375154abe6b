import { ActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import { ComponentDialog, Dialog, DialogSet, DialogTurnStatus, WaterfallDialog, type DialogState, type DialogStateManagerConfiguration, type WaterfallStepContext } from 'botbuilder-dialogs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import { createCloudAdapter } from '../../bot/channels/cloudAdapter';
import { loadConfig } from '../../bot/config';
import { openStore } from '../../stores/appStore';
import { JsonChangeConversationState, JsonChangeUserState } from '../../stores/state/jsonChangeState';
import { withTimeout } from '../../stores/timeouts';

/**
 * The design's ceiling for the turn bench: the echo bot (bench/servers/botbuilderEcho.ts) plus what
 * every turn of a bot of this design pays whatever it says: conversation and user state on the
 * embedded store the bot uses (NeDB files in a data folder, behind the same timeout wrapper, with
 * the bot's state classes: bot/app.ts), read at the start of the turn and saved at its end, and a
 * DialogSet whose one ComponentDialog runs a WaterfallDialog that echoes (continueDialog, or
 * beginDialog when nothing is running, each turn), with the dialog state manager's configuration
 * made once, as the bot does. No understanding, no texts, no logs. Run by bench/turns.ts as its own
 * process; its data folder (DATA_DIR, or a temporary one) is removed when it stops.
 */
const ECHO_DIALOG = 'echo';
const LOOP_DIALOG = 'echo-loop';
/** botbuilder-dialogs' turn state key for it (dialogs/rootDialog.ts). */
const STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

/** Each turn: echo the message and wait for the next; the next turn starts the loop over (one echo per turn). */
class EchoDialog extends ComponentDialog {
  constructor() {
    super(ECHO_DIALOG);
    this.addDialog(
      new WaterfallDialog(LOOP_DIALOG, [
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`echo: ${step.context.activity.text ?? ''}`);
          return Dialog.EndOfTurn;
        },
        async (step: WaterfallStepContext) => step.replaceDialog(LOOP_DIALOG),
      ]),
    );
    this.initialDialogId = LOOP_DIALOG;
  }
}

class DialogsEchoBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly profile;
  private stateConfiguration?: DialogStateManagerConfiguration;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    super();
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new EchoDialog());
    this.profile = userState.createProperty<{ locale?: string }>('profile');
    this.onMessage(async (context, next) => {
      // As the bot's root dialog does: the dialog state manager's configuration (memory scopes, path
      // resolvers), which botbuilder-dialogs otherwise builds again every turn, made once.
      if (this.stateConfiguration) context.turnState.set(STATE_CONFIGURATION, this.stateConfiguration);
      const dc = await this.dialogs.createContext(context);
      this.stateConfiguration ??= dc.state.configuration;
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(ECHO_DIALOG);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // As the bot does: the user's profile read (no default) before the turn, both states saved after it.
    await this.profile.get(context);
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}

async function main(): Promise<void> {
  const config = loadConfig({});
  const ownDir = process.env.DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'bench-dialogs-'));
  const store = await openStore({ dataDir: process.env.DATA_DIR ?? ownDir!, mongodbDb: 'bench' });
  const storage = withTimeout(store.stateStorage, config.STORE_TIMEOUT_MS, 'state');
  const bot = new DialogsEchoBot(new JsonChangeConversationState(storage), new JsonChangeUserState(storage));
  const adapter = createCloudAdapter(config);

  const server = restify.createServer({ name: 'bench-botbuilder-dialogs' });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/readyz', async (_req, res) => {
    res.send(200, { status: 'ready' });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');

  process.once('SIGTERM', () => {
    server.close();
    void store.close().finally(() => {
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

void main();
