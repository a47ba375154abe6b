import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { criterionTextKey, isCriterionKey } from '../../knowledge/eligibility';
import { subjectKeyOf } from '../../knowledge/requests';
import type { RequestRepository } from '../../stores/requests/requestRepository';
import type { YesNoAnswer } from '../../knowledge/understanding/yesNo';
import { YesNoUnknownPrompt } from '../shared/prompts/yesNoUnknownPrompt';
import { sessionOf } from '../shared/session';
import { tr } from '../shared/turnLocale';
import type { ApplicantNotices } from './applicantNotices';
import type { RequestDraftState } from './requestFields';

export const MY_DATA_DIALOG = 'myData';
export const ERASE_DIALOG = 'erase';

export interface MyDataDeps {
  requests: RequestRepository;
  subjectSecret: string;
  notifier?: ApplicantNotices;
}

function subjectOf(step: WaterfallStepContext, secret: string): string {
  return subjectKeyOf(step.context.activity.channelId, step.context.activity.from.id, secret);
}

/** `mes données`: everything kept about the person — this conversation and their requests. */
export class MyDataDialog extends ComponentDialog {
  readonly helpKey = 'myData:help';

  constructor(private readonly deps: MyDataDeps) {
    super(MY_DATA_DIALOG);
    this.addDialog(new WaterfallDialog(`${MY_DATA_DIALOG}.steps`, [this.show.bind(this)]));
    this.initialDialogId = `${MY_DATA_DIALOG}.steps`;
  }

  private async show(step: WaterfallStepContext) {
    const t = tr(step.context);
    const session = sessionOf(step.context);
    const lines = [t('myData:title')];
    const situation = session.situation ?? {};
    const said = Object.entries(situation.criteria ?? {})
      .filter(([key, answer]) => answer === 'yes' && isCriterionKey(key))
      .map(([key]) => t(criterionTextKey(key as never, 'label')));
    if (situation.age !== undefined) lines.push(`- ${t('myData:age', { age: situation.age })}`);
    if (said.length) lines.push(`- ${t('myData:situation', { criteria: said.join(', ') })}`);
    if (session.place) lines.push(`- ${t('myData:place', { place: session.place.label })}`);
    const draft = session.requestDraft as RequestDraftState | undefined;
    if (draft?.firstName || draft?.lastName) lines.push(`- ${t('myData:draft', { name: [draft.firstName, draft.lastName].filter(Boolean).join(' ') })}`);
    let requests;
    try {
      requests = await this.deps.requests.listBySubject(subjectOf(step, this.deps.subjectSecret));
    } catch {
      await step.context.sendActivity(t('common:errors.storeDown'));
      return step.endDialog();
    }
    for (const r of requests) {
      lines.push(`- ${t('myData:request', { reference: r.reference, status: t(`followUp:statuses.${r.status}`), name: `${r.person.firstName} ${r.person.lastName}`, contact: r.person.contact.value })}`);
    }
    if (lines.length === 1) lines.push(t('myData:nothing'));
    else lines.push('', t('myData:howToErase'));
    await step.context.sendActivity(lines.join('\n'));
    return step.endDialog();
  }
}

/** `effacer mes données`: after a confirmation, deletes the person's requests and this conversation's data. */
export class EraseDialog extends ComponentDialog {
  readonly helpKey = 'myData:help';

  constructor(private readonly deps: MyDataDeps) {
    super(ERASE_DIALOG);
    this.addDialog(new YesNoUnknownPrompt(`${ERASE_DIALOG}.confirm`));
    this.addDialog(new WaterfallDialog(`${ERASE_DIALOG}.steps`, [this.confirm.bind(this), this.erase.bind(this)]));
    this.initialDialogId = `${ERASE_DIALOG}.steps`;
  }

  private async confirm(step: WaterfallStepContext) {
    return step.prompt(`${ERASE_DIALOG}.confirm`, { prompt: tr(step.context)('myData:confirmErase') });
  }

  private async erase(step: WaterfallStepContext) {
    const t = tr(step.context);
    if ((step.result as YesNoAnswer) !== 'yes') {
      await step.context.sendActivity(t('myData:kept'));
      return step.endDialog();
    }
    let count: number;
    try {
      const subject = subjectOf(step, this.deps.subjectSecret);
      const ids = (await this.deps.requests.listBySubject(subject)).map((r) => r.id);
      count = await this.deps.requests.eraseBySubject(subject);
      await this.deps.notifier?.forget(ids);
    } catch {
      await step.context.sendActivity(t('common:errors.storeDown'));
      return step.endDialog();
    }
    const session = sessionOf(step.context);
    for (const key of ['situation', 'place', 'departement', 'requestDraft', 'eligibility', 'eligibilityCheck', 'followUpAttempts'] as const) delete session[key];
    await step.context.sendActivity(t('myData:erased', { count }));
    return step.endDialog();
  }
}
