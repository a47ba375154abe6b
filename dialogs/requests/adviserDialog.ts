import type { TurnContext } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogContext, type DialogTurnResult, type FoundChoice, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CLOSE_REASONS, exportRequest, printableSummary, type RequestRecord, type RequestStatus } from '../../knowledge/requests';
import { REQUEST_STATUSES, TRANSITIONS } from '../../knowledge/requests/statuses';
import type { AdviserRegistry } from '../../stores/requests/adviserRegistry';
import type { RequestRepository } from '../../stores/requests/requestRepository';
import { ButtonsPrompt } from '../shared/prompts/buttonsPrompt';
import type { ApplicantNotices } from './applicantNotices';
import { isPersonalConversation } from '../shared/conversationScope';
import { tr } from '../shared/turnLocale';

export const ADVISER_DIALOG = 'adviser';
const LIST = 'adviser.list';
const OPEN = 'adviser.open';
const PICK = 'adviser.pick';
const ACTION = 'adviser.action';
const REASON = 'adviser.reason';
const PASS_NUMBER = 'adviser.passNumber';
const PASS_START = 'adviser.passStart';
const FILTER = 'adviser.filter';
const FILTER_PICK = 'adviser.filterPick';

const PAGE = 10;
const ADVISER_KEY = 'adviser.identity';

export interface AdviserDialogDeps {
  requests: RequestRepository;
  advisers: AdviserRegistry;
  notifier?: ApplicantNotices;
}

/**
 * The adviser behind a turn: a registered Teams identity (tenant + AAD object id), in a personal
 * (one-to-one) conversation only. Web Chat, group chats and channels never are.
 */
export async function adviserOf(context: TurnContext, advisers: AdviserRegistry) {
  const { activity } = context;
  if (activity.channelId !== 'msteams') return null;
  if (!isPersonalConversation(activity)) return null;
  const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const aadObjectId = activity.from?.aadObjectId;
  if (!tenantId || !aadObjectId) return null;
  return advisers.find(tenantId, aadObjectId);
}

type Action = { kind: 'move'; to: RequestStatus } | { kind: 'export'; format: 'json' | 'text' } | { kind: 'back' };

/** Where the list stands: its page and the step it is filtered on. */
interface ListOptions {
  offset?: number;
  status?: RequestStatus;
}

/** What the buttons under the list do, after the requests themselves. */
type ListExtra = 'more' | 'filter' | 'close';

interface Values {
  list?: ListOptions;
  extras?: ListExtra[];
  adviserId?: string;
  organisationId?: string;
  ids?: string[];
  requestId?: string;
  version?: number;
  actions?: Action[];
  passNumber?: string;
}

/**
 * The prescriber's side: a registered adviser lists the requests routed to their organisation
 * (newest first), opens one, moves it through the workflow (the transition table refuses any other
 * move) and exports it for Les emplois de l'inclusion. Every step is recorded with who and when.
 */
export class AdviserDialog extends ComponentDialog {
  readonly helpKey = 'adviser:help';

  constructor(private readonly deps: AdviserDialogDeps) {
    super(ADVISER_DIALOG);
    this.addDialog(new ButtonsPrompt(PICK));
    this.addDialog(new ButtonsPrompt(ACTION));
    this.addDialog(new ButtonsPrompt(REASON));
    this.addDialog(new TextPrompt(PASS_NUMBER, (p) => matches(p, /^[A-Z0-9]{12}$/, (s) => s.replace(/\s/g, '').toUpperCase())));
    this.addDialog(new TextPrompt(PASS_START, (p) => matches(p, /^\d{4}-\d{2}-\d{2}$/, toIsoDate)));
    this.addDialog(new ButtonsPrompt(FILTER_PICK));
    this.addDialog(new WaterfallDialog(LIST, [this.identify.bind(this), this.list.bind(this), this.picked.bind(this)]));
    this.addDialog(new WaterfallDialog(FILTER, [this.askFilter.bind(this), this.filtered.bind(this)]));
    this.addDialog(new WaterfallDialog(OPEN, [this.open.bind(this), this.act.bind(this), this.afterDetail.bind(this), this.afterPassStart.bind(this)]));
    this.initialDialogId = LIST;
  }

  /** Who opened the adviser side, kept with this dialog's own state. */
  override async beginDialog(outerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    const adviser = await adviserOf(outerDc.context, this.deps.advisers);
    if (adviser && outerDc.activeDialog) outerDc.activeDialog.state[ADVISER_KEY] = { id: adviser.id, organisationId: adviser.organisationId };
    return super.beginDialog(outerDc, options);
  }

  /**
   * Every later step checks the identity again: the sender must still be that registered adviser,
   * of that organisation. Anyone else in the conversation, or an adviser removed or moved since,
   * is stopped before anything is read or changed.
   */
  override async continueDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    const started = outerDc.activeDialog?.state[ADVISER_KEY] as { id: string; organisationId: string } | undefined;
    const adviser = await adviserOf(outerDc.context, this.deps.advisers);
    if (!started || !adviser || adviser.id !== started.id || adviser.organisationId !== started.organisationId) {
      await outerDc.context.sendActivity(tr(outerDc.context)('adviser:notAnAdviser'));
      return outerDc.endDialog();
    }
    return super.continueDialog(outerDc);
  }

  private async identify(step: WaterfallStepContext) {
    (step.values as Values).list = (step.options as ListOptions | undefined) ?? {};
    const adviser = await adviserOf(step.context, this.deps.advisers);
    if (!adviser) {
      await step.context.sendActivity(tr(step.context)('adviser:notAnAdviser'));
      return step.endDialog();
    }
    return step.next({ adviserId: adviser.id, organisationId: adviser.organisationId });
  }

  private async list(step: WaterfallStepContext) {
    const t = tr(step.context);
    const values = step.values as Values;
    const who = step.result as { adviserId: string; organisationId: string };
    Object.assign(values, who);
    const { offset = 0, status } = values.list!;
    const { total, items } = await this.deps.requests.listForOrganisation(who.organisationId, { limit: PAGE, offset, ...(status ? { status } : {}) });
    if (total === 0 && !status) {
      await step.context.sendActivity(t('adviser:none'));
      return step.endDialog();
    }
    values.ids = items.map((r) => r.id);
    const labels = items.map((r) => `${r.reference} · ${r.person.firstName} ${r.person.lastName.charAt(0)}. · ${t(`adviser:statuses.${r.status}`)}`);
    const extras: ListExtra[] = [...(offset + items.length < total ? (['more'] as const) : []), 'filter', 'close'];
    values.extras = extras;
    const heading = status
      ? t('adviser:listFiltered', { count: total, status: t(`adviser:statuses.${status}`) })
      : offset > 0
        ? t('adviser:listPage', { from: offset + 1, to: offset + items.length, count: total })
        : t('adviser:list', { count: total, shown: items.length });
    return step.prompt(PICK, { prompt: heading, choices: [...labels, ...extras.map((e) => t(`adviser:listExtras.${e}`))] });
  }

  private async picked(step: WaterfallStepContext) {
    const values = step.values as Values;
    const index = (step.result as FoundChoice).index;
    const id = values.ids?.[index];
    if (id) return step.replaceDialog(OPEN, { adviserId: values.adviserId, organisationId: values.organisationId, requestId: id });
    const extra = values.extras?.[index - (values.ids?.length ?? 0)];
    if (extra === 'more') return step.replaceDialog(LIST, { ...values.list, offset: (values.list?.offset ?? 0) + PAGE } satisfies ListOptions);
    if (extra === 'filter') return step.replaceDialog(FILTER);
    return step.endDialog();
  }

  private async askFilter(step: WaterfallStepContext) {
    const t = tr(step.context);
    return step.prompt(FILTER_PICK, { prompt: t('adviser:filterPrompt'), choices: [...REQUEST_STATUSES.map((s) => t(`adviser:statuses.${s}`)), t('adviser:filterAll')] });
  }

  private async filtered(step: WaterfallStepContext) {
    const status = REQUEST_STATUSES[(step.result as FoundChoice).index];
    return step.replaceDialog(LIST, (status ? { status } : {}) satisfies ListOptions);
  }

  private async open(step: WaterfallStepContext) {
    const t = tr(step.context);
    const values = step.values as Values;
    Object.assign(values, step.options);
    const record = await this.deps.requests.get(values.requestId!, values.organisationId!);
    if (!record) {
      await step.context.sendActivity(t('adviser:notFound'));
      return step.endDialog();
    }
    values.version = record.version;
    await step.context.sendActivity(printableSummary(record));
    const actions: Action[] = [
      ...TRANSITIONS[record.status].map((to) => ({ kind: 'move', to }) as Action),
      { kind: 'export', format: 'json' },
      { kind: 'export', format: 'text' },
      { kind: 'back' },
    ];
    values.actions = actions;
    return step.prompt(ACTION, { prompt: t('adviser:actions'), choices: actions.map((a) => actionLabel(a, t)) });
  }

  private async act(step: WaterfallStepContext) {
    const t = tr(step.context);
    const values = step.values as Values;
    const action = values.actions![(step.result as FoundChoice).index]!;
    if (action.kind === 'back') return step.replaceDialog(LIST);
    if (action.kind === 'export') {
      const record = await this.deps.requests.recordExport(values.requestId!, values.organisationId!, { kind: 'adviser', adviserId: values.adviserId! }, action.format);
      if (action.format === 'json') {
        await step.context.sendActivity({
          text: t('adviser:exported'),
          attachments: [{ contentType: 'application/json', name: `${record.reference}.json`, content: exportRequest(record) }],
        });
      } else {
        await step.context.sendActivity(printableSummary(record));
      }
      return step.replaceDialog(OPEN, pick(values));
    }
    if (action.to === 'closed') {
      values.actions = [action];
      return step.prompt(REASON, { prompt: t('adviser:reason'), choices: CLOSE_REASONS.map((r) => t(`adviser:reasons.${r}`)) });
    }
    if (action.to === 'pass_issued') {
      values.actions = [action];
      return step.prompt(PASS_NUMBER, { prompt: t('adviser:passNumber'), retryPrompt: t('adviser:passNumberRetry') });
    }
    return this.move(step, action.to, {});
  }

  private async afterDetail(step: WaterfallStepContext) {
    const values = step.values as Values;
    const action = values.actions![0] as { kind: 'move'; to: RequestStatus };
    if (action.to === 'closed') {
      return this.move(step, 'closed', { reason: CLOSE_REASONS[(step.result as FoundChoice).index] });
    }
    values.passNumber = step.result as string;
    return step.prompt(PASS_START, { prompt: tr(step.context)('adviser:passStart'), retryPrompt: tr(step.context)('adviser:passStartRetry') });
  }

  private async afterPassStart(step: WaterfallStepContext) {
    const values = step.values as Values;
    return this.move(step, 'pass_issued', { pass: { number: values.passNumber!, startDate: step.result as string } });
  }

  private async move(step: WaterfallStepContext, to: RequestStatus, details: { reason?: (typeof CLOSE_REASONS)[number]; pass?: { number: string; startDate: string } }) {
    const t = tr(step.context);
    const values = step.values as Values;
    try {
      const record: RequestRecord = await this.deps.requests.transition(
        values.requestId!,
        values.organisationId!,
        to,
        { kind: 'adviser', adviserId: values.adviserId! },
        { expectedVersion: values.version!, ...details },
      );
      const told = await this.deps.notifier?.notify(record.id, record.reference, record.status);
      const lines = [t('adviser:moved', { reference: record.reference, status: t(`adviser:statuses.${record.status}`) })];
      if (told) lines.push(t('adviser:applicantTold'));
      await step.context.sendActivity(lines.join('\n'));
    } catch (error) {
      const name = (error as Error).name;
      const key = name === 'StaleVersionError' ? 'adviser:stale' : name === 'InvalidTransitionError' ? 'adviser:invalidMove' : name === 'InvalidRequestError' ? 'adviser:invalidDetails' : 'common:errors.storeDown';
      await step.context.sendActivity(t(key));
    }
    return step.replaceDialog(OPEN, pick(values));
  }
}

function pick(values: Values) {
  return { adviserId: values.adviserId, organisationId: values.organisationId, requestId: values.requestId };
}

function actionLabel(action: Action, t: (key: string) => string): string {
  if (action.kind === 'back') return t('adviser:back');
  if (action.kind === 'export') return t(`adviser:export.${action.format}`);
  return t(`adviser:moveTo.${action.to}`);
}

/** 25/12/2026 or 2026-12-25 → 2026-12-25. */
function toIsoDate(text: string): string {
  const trimmed = text.trim();
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  return fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : trimmed;
}

async function matches(prompt: PromptValidatorContext<string>, pattern: RegExp, normalise: (s: string) => string): Promise<boolean> {
  if (!prompt.recognized.succeeded) return false;
  const value = normalise(prompt.recognized.value ?? '');
  if (!pattern.test(value)) return false;
  prompt.recognized.value = value;
  return true;
}
