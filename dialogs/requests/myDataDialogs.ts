import type { TFunction } from 'i18next';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { criterionTextKey, isCriterionKey } from '../../knowledge/eligibility';
import type { RequestRecord } from '../../knowledge/requests/schema';
import { resolveInsee } from '../../knowledge/territory';
import type { RequestRepository } from '../../stores/requests/requestRepository';
import type { YesNoAnswer } from '../../knowledge/understanding/yesNo';
import { YesNoUnknownPrompt } from '../shared/prompts/yesNoUnknownPrompt';
import { sessionOf, type ConversationSession } from '../shared/session';
import { nameWords } from '../shared/territory';
import { DEFAULT_LIMITS } from '../../stores/directline/webConversations';
import { eraseTranscriptAfterTurn, transcriptKept } from '../shared/transcriptErasure';
import { tr } from '../shared/turnLocale';
import type { ApplicantNotices } from './applicantNotices';
import { eraseKeptRequests, keptRequests, subjectOf } from './keptRequests';

export const MY_DATA_DIALOG = 'myData';
export const ERASE_DIALOG = 'erase';

export interface MyDataDeps {
  requests: RequestRepository;
  subjectSecret: string;
  notifier?: ApplicantNotices;
  /** Names the organisation and the wished structure of a request, when the directory has them. */
  directory?: { get(id: string): Promise<{ name: string } | undefined> };
}

/** Session fields that are not about the person: kept by an erase (the welcome, the counters against guessing). */
const NOT_PERSONAL: ReadonlySet<keyof ConversationSession> = new Set(['welcomed', 'misunderstandings', 'followUpAttempts']);

/** Whether the person told this conversation anything (proofs of requests are counted with the requests). */
/** How long the bot's web chat keeps a conversation's messages after the page is closed (its token's life). */
const PAGE_MESSAGES_HOURS = Math.ceil(DEFAULT_LIMITS.tokenTtlSeconds / 3600);

function holdsPersonalData(session: ConversationSession): boolean {
  return Object.entries(session).some(
    ([key, value]) => !NOT_PERSONAL.has(key as keyof ConversationSession) && key !== 'provenRequests' && value !== undefined,
  );
}

/** The person's fields as « label : value » lines, whichever of them are known. */
interface PersonFields {
  firstName?: string;
  lastName?: string;
  birthDate?: string;
  contact?: string;
  commune?: string;
  criteria?: readonly string[];
  structure?: string;
  note?: string;
}

function personLines(t: TFunction, person: PersonFields): string[] {
  const line = (label: string, value: string) => `  - ${t('common:labelled', { label, value })}`;
  const lines: string[] = [];
  if (person.firstName) lines.push(line(t('requests:fields.firstName'), person.firstName));
  if (person.lastName) lines.push(line(t('requests:fields.lastName'), person.lastName));
  if (person.birthDate) lines.push(line(t('requests:fields.birthDate'), t('myData:date', { date: new Date(person.birthDate) })));
  if (person.contact) lines.push(line(t('requests:fields.contact'), person.contact));
  if (person.commune) lines.push(line(t('requests:fields.commune'), person.commune));
  if (person.criteria) {
    const labels = person.criteria.filter(isCriterionKey).map((k) => t(criterionTextKey(k, 'label')));
    lines.push(line(t('requests:fields.criteria'), labels.length ? labels.join(', ') : t('requests:summary.noCriteria')));
  }
  if (person.structure) lines.push(line(t('myData:structure'), person.structure));
  if (person.note) lines.push(line(t('requests:fields.note'), person.note));
  return lines;
}

/** What this conversation keeps: the situation, the place, a draft request. */
function conversationLines(t: TFunction, session: ConversationSession): string[] {
  const lines: string[] = [];
  const situation = session.situation ?? {};
  if (situation.birthDate) lines.push(`- ${t('myData:birthDate', { date: new Date(situation.birthDate) })}`);
  else if (situation.age !== undefined) lines.push(`- ${t('myData:age', { count: situation.age })}`);
  if (situation.registrationMonths !== undefined) lines.push(`- ${t('myData:registration', { count: situation.registrationMonths })}`);
  if (situation.minima) lines.push(`- ${t('myData:minima', { answer: t(`myData:answers.${situation.minima}`) })}`);
  for (const answer of ['yes', 'no', 'unknown'] as const) {
    const keys = Object.entries(situation.criteria ?? {}).filter(([key, a]) => a === answer && isCriterionKey(key));
    if (keys.length) lines.push(`- ${t(`myData:criteria.${answer}`, { criteria: keys.map(([key]) => t(criterionTextKey(key as never, 'label'))).join(', ') })}`);
  }
  if (session.place) lines.push(`- ${t('myData:place', { place: session.place.label })}`);
  else if (session.departement) lines.push(`- ${t('myData:departement', { code: session.departement })}`);
  if (session.eligibility) lines.push(`- ${t('myData:eligibility', { date: new Date(session.eligibility.asOf) })}`);
  const draft = session.requestDraft;
  const draftFields = draft
    ? personLines(t, {
        firstName: draft.firstName,
        lastName: draft.lastName,
        birthDate: draft.birthDate,
        contact: draft.contact?.value,
        commune: draft.commune?.label,
        note: draft.note ?? undefined,
      })
    : [];
  if (draftFields.length) lines.push(`- ${t('myData:draft')}`, ...draftFields);
  return lines;
}

/** `mes données`: everything kept about the person — this conversation and their requests, field by field. */
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
    let requests: RequestRecord[];
    try {
      requests = await keptRequests(this.deps.requests, subjectOf(step.context, this.deps.subjectSecret), session);
    } catch {
      await step.context.sendActivity(t('common:errors.storeDown'));
      return step.endDialog();
    }
    const here = conversationLines(t, session);
    const sections: string[][] = [];
    if (here.length) sections.push([t('myData:conversation'), ...here]);
    for (const request of requests) sections.push(await this.requestLines(t, request));
    // The bot's own web chat keeps the conversation's messages for the page: they are data too.
    const pageMessages = transcriptKept(step.context) ? [t('myData:pageMessages', { count: PAGE_MESSAGES_HOURS })] : [];
    const paragraphs = sections.length
      ? [t('myData:title'), ...sections.map((lines) => lines.join('\n')), ...pageMessages]
      : [...pageMessages, t(pageMessages.length ? 'myData:nothingElse' : 'myData:nothing')];
    if (requests.length === 0) paragraphs.push(t('myData:elsewhere'));
    if (sections.length || pageMessages.length) paragraphs.push(t('myData:howToErase'));
    await step.context.sendActivity(paragraphs.join('\n\n'));
    return step.endDialog();
  }

  private async requestLines(t: TFunction, r: RequestRecord): Promise<string[]> {
    const nameOf = async (id: string | undefined) => (id ? ((await this.deps.directory?.get(id).catch(() => undefined))?.name ?? id) : undefined);
    const organisation = await nameOf(r.organisationId);
    return [
      t('myData:request', { reference: r.reference, date: r.createdAt, organisation, atOrganisation: organisation ? nameWords(organisation).atName : '' }),
      `  - ${t('myData:status', { status: t(`followUp:statuses.${r.status}`) })}`,
      ...personLines(t, {
        firstName: r.person.firstName,
        lastName: r.person.lastName,
        birthDate: r.person.birthDate,
        contact: r.person.contact.value,
        commune: resolveInsee(r.person.communeInsee)?.label ?? r.person.communeInsee,
        criteria: r.criteria,
        structure: await nameOf(r.structureId),
        note: r.note,
      }),
      `  - ${t('myData:consent', { date: r.consent.givenAt })}`,
    ];
  }
}

/**
 * `effacer mes données`: says what will be erased, asks yes or no, deletes the person's requests
 * (their own and those proved here) and what this conversation keeps, then says what really was.
 */
export class EraseDialog extends ComponentDialog {
  readonly helpKey = 'myData:help';

  constructor(private readonly deps: MyDataDeps) {
    super(ERASE_DIALOG);
    this.addDialog(new YesNoUnknownPrompt(`${ERASE_DIALOG}.confirm`, { unknown: false }));
    this.addDialog(new WaterfallDialog(`${ERASE_DIALOG}.steps`, [this.confirm.bind(this), this.erase.bind(this)]));
    this.initialDialogId = `${ERASE_DIALOG}.steps`;
  }

  private async confirm(step: WaterfallStepContext) {
    const t = tr(step.context);
    const session = sessionOf(step.context);
    let count: number;
    try {
      count = (await keptRequests(this.deps.requests, subjectOf(step.context, this.deps.subjectSecret), session)).length;
    } catch {
      await step.context.sendActivity(t('common:errors.storeDown'));
      return step.endDialog();
    }
    const conversation = holdsPersonalData(session);
    const pageMessages = transcriptKept(step.context);
    if (count === 0 && !conversation && !pageMessages) {
      await step.context.sendActivity([t('myData:nothingToErase'), t('myData:elsewhere')].join('\n\n'));
      return step.endDialog();
    }
    const question =
      conversation || (count === 0 && pageMessages) ? t('myData:confirmErase', { count }) : t('myData:confirmEraseRequests', { count });
    return step.prompt(`${ERASE_DIALOG}.confirm`, { prompt: question });
  }

  private async erase(step: WaterfallStepContext) {
    const t = tr(step.context);
    if ((step.result as YesNoAnswer) !== 'yes') {
      await step.context.sendActivity(t('myData:kept'));
      return step.endDialog();
    }
    const session = sessionOf(step.context);
    const conversation = holdsPersonalData(session);
    let count: number;
    try {
      const erased = await eraseKeptRequests(this.deps.requests, subjectOf(step.context, this.deps.subjectSecret), session);
      count = erased.count;
      await this.deps.notifier?.forget(erased.ids);
    } catch {
      await step.context.sendActivity(t('common:errors.storeDown'));
      return step.endDialog();
    }
    for (const key of Object.keys(session) as Array<keyof ConversationSession>) if (!NOT_PERSONAL.has(key)) delete session[key];
    eraseTranscriptAfterTurn(step.context);
    const pageMessages = transcriptKept(step.context);
    const lines = [t('myData:erased.done')];
    if (conversation || pageMessages) lines.push(t('myData:erased.conversation'));
    lines.push(t('myData:erased.requests', { count }));
    if (pageMessages) lines.push(t('myData:erased.screen'));
    await step.context.sendActivity(lines.join(' '));
    return step.endDialog();
  }
}
