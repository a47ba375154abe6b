import { randomUUID } from 'node:crypto';
import { ComponentDialog, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { criterionTextKey, isCriterionKey, type CriterionKey } from '../../knowledge/eligibility';
import { ageCriterion } from '../../knowledge/eligibility/derive';
import type { DirectoryReader } from '../../knowledge/directory/directoryPort';
import {
  CURRENT_CONSENT_VERSION,
  CONSENT_VERSIONS,
  chooseDestination,
  routingAnchor,
  generateFollowUpCode,
  subjectKeyOf,
  type RequestDraftInput,
} from '../../knowledge/requests';
import type { AdviserRegistry } from '../../stores/requests/adviserRegistry';
import type { RequestRepository } from '../../stores/requests/requestRepository';
import { ButtonsPrompt, type HiddenChoices } from '../shared/prompts/buttonsPrompt';
import type { ApplicantNotices } from './applicantNotices';
import { foldText } from '../../knowledge/text/fold';
import { sessionOf } from '../shared/session';
import { nameWords } from '../shared/territory';
import { tr, turnLocale } from '../shared/turnLocale';
import { turnClientAddress } from '../shared/turnClient';
import type { FeatureOptions } from '../shared/understanding';
import { communeOf, REQUEST_FIELDS, splitFullName, type RequestDraftState, type RequestField } from './requestFields';
import { RequestFieldPrompt } from './fieldPrompt';
import { printableMessage } from '../shared/printable';

export const REQUEST_DIALOG = 'request';
const MAIN = 'request.main';
const FIELDS = 'request.fields';
const CONSENT = 'request.consent';
const FIELD = 'request.field';
const SUMMARY = 'request.summary';
const WHICH = 'request.which';

const PARTNERS_FOR_ROUTING = ['ML', 'FT', 'CAP_EMPLOI'] as const;
const ROUTING_RADIUS_KM = 100;

export interface RequestDialogDeps {
  requests: RequestRepository;
  directory: DirectoryReader;
  /** Who has advisers registered: a chosen structure with advisers receives the candidature itself. */
  advisers?: Pick<AdviserRegistry, 'list'>;
  today: () => string;
  /** Secret of the pseudonymous subject key (SUBJECT_KEY_SECRET). */
  subjectSecret: string;
  /** Keeps the applicant's conversation reference so advisers' moves reach them. */
  notifier?: ApplicantNotices;
  /** The territory the guichet serves (TERRITORY code): the commune question reads its communes first. */
  territory?: string;
}

export interface RequestOptions extends FeatureOptions {
  structureId?: string;
}

type SummaryAction = 'send' | 'fix' | 'cancel';

/**
 * A request for a diagnosis and an orientation by a prescriber (not a PASS IAE: the employer obtains
 * it at the hire). Started from a structure's card, it is a candidature for that structure: it goes
 * to the structure when it has advisers registered, otherwise to the prescriber with the structure
 * named as the person's wish, and the person is told which (data/routing.json, `candidature`).
 * A plain consent screen first (nothing is kept without it), then only what is needed — name,
 * birth date, one way to be reached, commune, an optional note — skipping what the conversation
 * already knows; a summary that says what the request is, to correct any field; then a reference,
 * a private follow-up code, and the way back to them if they are lost. If the store is down, the
 * draft stays in the conversation and can be sent later.
 */
export class RequestDialog extends ComponentDialog {
  readonly helpKey = 'requests:help';

  constructor(private readonly deps: RequestDialogDeps) {
    super(REQUEST_DIALOG);
    this.addDialog(new ButtonsPrompt(CONSENT));
    this.addDialog(new ButtonsPrompt(SUMMARY));
    this.addDialog(new ButtonsPrompt(WHICH));
    this.addDialog(new RequestFieldPrompt(FIELD, deps.today, deps.territory));
    this.addDialog(new WaterfallDialog(MAIN, [this.consent.bind(this), this.afterConsent.bind(this), this.summary.bind(this), this.afterSummary.bind(this), this.afterWhich.bind(this)]));
    this.addDialog(new WaterfallDialog(FIELDS, [this.askField.bind(this), this.recordField.bind(this)]));
    this.initialDialogId = MAIN;
  }

  private draft(step: { context: WaterfallStepContext['context'] }): RequestDraftState {
    const session = sessionOf(step.context);
    return (session.requestDraft ??= {});
  }

  private async consent(step: WaterfallStepContext) {
    const draft = this.draft(step);
    const options = (step.options ?? {}) as RequestOptions;
    if (options.structureId) draft.structureId = options.structureId;
    const t = tr(step.context);
    // « je veux le pass iae », or « pass iae » picked at the menu (no understood text then, the message
    // itself): the PASS comes from the employer at the hire; what is asked here is the diagnosis.
    const said = options.text ?? step.context.activity.text ?? '';
    if (!options.structureId && /\b(pass|agrement)\b/.test(foldText(said))) await step.context.sendActivity(t('requests:passFirst'));
    if (draft.consent?.version === CURRENT_CONSENT_VERSION) return step.next({ index: 0 });
    const version = CONSENT_VERSIONS.find((v) => v.id === CURRENT_CONSENT_VERSION)!;
    await step.context.sendActivity(t(version.localeKey));
    return step.prompt(CONSENT, {
      prompt: t('requests:consentQuestion'),
      choices: [t('requests:accept'), t('requests:refuse')],
      validations: { yesIndex: 0, noIndex: 1 } satisfies HiddenChoices,
    });
  }

  private async afterConsent(step: WaterfallStepContext) {
    const t = tr(step.context);
    if ((step.result as FoundChoice).index !== 0) {
      sessionOf(step.context).requestDraft = undefined;
      await step.context.sendActivity(t('requests:refused'));
      return step.endDialog();
    }
    const draft = this.draft(step);
    draft.consent ??= { version: CURRENT_CONSENT_VERSION, givenAt: new Date().toISOString() };
    this.prefill(step, draft);
    return step.beginDialog(FIELDS);
  }

  /** What the conversation already knows is not asked again. */
  private prefill(step: WaterfallStepContext, draft: RequestDraftState): void {
    const session = sessionOf(step.context);
    if (!draft.birthDate && session.situation?.birthDate) draft.birthDate = session.situation.birthDate;
    if (!draft.commune && session.place) {
      const commune = communeOf(session.place);
      if (commune) draft.commune = commune;
    }
  }

  private async askField(step: WaterfallStepContext) {
    const draft = this.draft(step);
    const field = REQUEST_FIELDS.find((f) => draft[fieldKey(f)] === undefined);
    if (!field) return step.endDialog();
    (step.values as { field?: RequestField }).field = field;
    const t = tr(step.context);
    const prompt = t(`requests:ask.${field}`);
    if (field === 'note') {
      return step.prompt(FIELD, { prompt: { type: 'message', text: prompt, suggestedActions: { to: [], actions: [{ type: 'imBack', title: t('common:answers.skip'), value: t('common:answers.skip') }] } } });
    }
    return step.prompt(FIELD, { prompt });
  }

  private async recordField(step: WaterfallStepContext) {
    const draft = this.draft(step);
    const field = (step.values as { field?: RequestField }).field!;
    const value: unknown = JSON.parse(step.result as string);
    // « Marie Dupont » at the first name: both, said back (the summary lets them be corrected); never over a last name already given.
    const both = field === 'firstName' && draft.lastName === undefined && typeof value === 'string' ? splitFullName(value) : undefined;
    if (both) {
      Object.assign(draft, both);
      await step.context.sendActivity(tr(step.context)('requests:nameSplit', both));
    } else (draft as Record<string, unknown>)[fieldKey(field)] = value;
    return step.replaceDialog(FIELDS);
  }

  private async summary(step: WaterfallStepContext) {
    const t = tr(step.context);
    const draft = this.draft(step);
    draft.idempotencyKey ??= randomUUID();
    draft.followUpCode ??= generateFollowUpCode();
    const criteria = this.criteria(step, draft);
    const chosen = draft.structureId ? await this.deps.directory.get(draft.structureId) : undefined;
    const lines = [
      t('requests:summary.title'),
      chosen ? t('requests:summary.kind.candidature', { structure: chosen.name }) : t('requests:summary.kind.diagnosis'),
      `- ${t('common:labelled', { label: t('requests:fields.firstName'), value: draft.firstName })}`,
      `- ${t('common:labelled', { label: t('requests:fields.lastName'), value: draft.lastName })}`,
      `- ${t('common:labelled', { label: t('requests:fields.birthDate'), value: formatDate(draft.birthDate!, turnLocale(step.context)) })}`,
      `- ${t('common:labelled', { label: t('requests:fields.contact'), value: draft.contact!.value })}`,
      `- ${t('common:labelled', { label: t('requests:fields.commune'), value: draft.commune!.label })}`,
      `- ${t('common:labelled', { label: t('requests:fields.criteria'), value: criteria.length ? criteria.map((k) => t(criterionTextKey(k, 'label'))).join(', ') : t('requests:summary.noCriteria') })}`,
    ];
    if (draft.note) lines.push(`- ${t('common:labelled', { label: t('requests:fields.note'), value: draft.note })}`);
    await step.context.sendActivity(lines.join('\n'));
    return step.prompt(SUMMARY, {
      prompt: t('requests:summary.question'),
      choices: (['send', 'fix', 'cancel'] as SummaryAction[]).map((a) => t(`requests:summary.${a}`)),
      // « oui, c'est bon » sends; a plain « non » asks which field to correct (nothing is lost).
      validations: { yesIndex: 0, noIndex: 1 } satisfies HiddenChoices,
    });
  }

  private async afterSummary(step: WaterfallStepContext) {
    const t = tr(step.context);
    const action = (['send', 'fix', 'cancel'] as SummaryAction[])[(step.result as FoundChoice).index];
    if (action === 'cancel') {
      sessionOf(step.context).requestDraft = undefined;
      await step.context.sendActivity(t('requests:cancelled'));
      return step.endDialog();
    }
    if (action === 'fix') {
      return step.prompt(WHICH, { prompt: t('requests:fixWhich'), choices: REQUEST_FIELDS.map((f) => t(`requests:fields.${f}`)) });
    }
    await this.submit(step);
    return step.endDialog();
  }

  private async afterWhich(step: WaterfallStepContext) {
    const field = REQUEST_FIELDS[(step.result as FoundChoice).index]!;
    delete (this.draft(step) as Record<string, unknown>)[fieldKey(field)];
    return step.replaceDialog(REQUEST_DIALOG, {});
  }

  /** The criteria of the request: the last eligibility result, else what the person said. */
  private criteria(step: WaterfallStepContext, draft: RequestDraftState): CriterionKey[] {
    const session = sessionOf(step.context);
    const keys = new Set<CriterionKey>((session.eligibility?.counted ?? []).filter(isCriterionKey));
    for (const [key, answer] of Object.entries(session.situation?.criteria ?? {})) if (answer === 'yes' && isCriterionKey(key)) keys.add(key);
    if (draft.birthDate) {
      keys.delete('JEUNE');
      keys.delete('SENIOR');
      const [by, bm, bd] = draft.birthDate.split('-').map(Number) as [number, number, number];
      const [ty, tm, td] = this.deps.today().split('-').map(Number) as [number, number, number];
      const byAge = ageCriterion(ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0));
      if (byAge) keys.add(byAge);
    }
    if (keys.has('DELD') && keys.has('DETLD')) keys.delete('DELD');
    return [...keys];
  }

  private async submit(step: WaterfallStepContext): Promise<void> {
    const t = tr(step.context);
    const draft = this.draft(step);
    const criteria = this.criteria(step, draft);
    const today = this.deps.today();
    const commune = draft.commune!;
    // Measured from the chosen structure when there is one (its territory), else from the commune.
    const found = draft.structureId ? await this.deps.directory.get(draft.structureId) : undefined;
    const chosen = found ? { ...found, id: draft.structureId! } : undefined;
    const anchor = routingAnchor(commune.lat !== undefined && commune.lng !== undefined ? { lat: commune.lat, lng: commune.lng } : undefined, chosen);
    const candidates = anchor
      ? (await this.deps.directory.search({ center: anchor, radiusKm: ROUTING_RADIUS_KM, kinds: [...PARTNER_KINDS_ROUTED], limit: 50, offset: 0 })).items
      : [];
    const hasAdvisers = chosen && this.deps.advisers ? (await this.deps.advisers.list({ organisationId: chosen.id })).length > 0 : false;
    const decision = chooseDestination(
      { birthDate: draft.birthDate!, criteria, today },
      candidates,
      chosen ? { id: chosen.id, kind: chosen.kind, hasAdvisers } : undefined,
    );
    if (!decision) {
      await step.context.sendActivity(t('requests:noOrganisation'));
      return;
    }
    const { channelId } = step.context.activity;
    const input: RequestDraftInput = {
      subjectKey: subjectKeyOf(channelId, step.context.activity.from.id, this.deps.subjectSecret),
      consent: { version: draft.consent!.version as RequestDraftInput['consent']['version'], givenAt: draft.consent!.givenAt },
      person: { firstName: draft.firstName!, lastName: draft.lastName!, birthDate: draft.birthDate!, contact: draft.contact!, communeInsee: commune.insee },
      criteria,
      ...(draft.structureId ? { structureId: draft.structureId } : {}),
      ...(draft.note ? { note: draft.note } : {}),
      organisationId: decision.organisationId,
      routing: { ruleId: decision.ruleId, kind: decision.kind as RequestDraftInput['routing']['kind'] },
      submittedBy: 'person',
      channel: /^[a-z0-9_-]{1,30}$/.test(channelId) ? channelId : undefined,
    };
    let result;
    try {
      result = await this.deps.requests.submit(input, draft.idempotencyKey!, { followUpCode: draft.followUpCode, clientAddress: turnClientAddress(step.context) });
    } catch (error) {
      if ((error as { code?: string }).code === 'invalid_request') {
        await step.context.sendActivity(t('requests:invalid'));
        return;
      }
      // The store did not answer: nothing half-written (the key makes a retry the same request).
      await step.context.sendActivity(t('requests:storeDown'));
      return;
    }
    await this.deps.notifier?.remember(result.request.id, step.context).catch(() => undefined);
    const organisation = await this.deps.directory.get(decision.organisationId);
    sessionOf(step.context).requestDraft = undefined;
    const name = organisation?.name ?? decision.organisationId;
    const kind = t(`directory:kinds.${decision.kind}.name`);
    const lines = [
      t('requests:sent.title'),
      t('requests:sent.reference', { reference: result.request.reference }),
      t('requests:sent.code', { code: result.followUpCode ?? draft.followUpCode }),
      t('requests:sent.keep'),
    ];
    if (decision.to === 'structure') lines.push(t('requests:sent.candidature.toStructure', { structure: name, atStructure: nameWords(name).atName }));
    else if (chosen) lines.push(t('requests:sent.candidature.viaPrescriber', { structure: chosen.name, name, kind }));
    else lines.push(t('requests:sent.organisation', { name, kind }));
    if (organisation?.email) lines.push(t('requests:sent.contact', { contact: organisation.email }));
    lines.push(t('requests:sent.lost', { name }));
    if (criteria.length > 0) lines.push('', t('requests:sent.documents'), ...criteria.map((k) => `- ${t(criterionTextKey(k, 'proof'))}`));
    lines.push('', t(decision.to === 'structure' ? 'requests:sent.candidature.nextStructure' : 'requests:sent.next'));
    const printable = { kind: 'request', reference: result.request.reference, organisation: name, ...(organisation?.email ? { contact: organisation.email } : {}) } as const;
    await step.context.sendActivity(printableMessage(lines.join('\n'), printable));
  }
}

const PARTNER_KINDS_ROUTED = PARTNERS_FOR_ROUTING;

function fieldKey(field: RequestField): keyof RequestDraftState {
  return field;
}

function formatDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-');
  return locale === 'fr' ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
}
