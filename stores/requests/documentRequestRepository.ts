import { randomUUID } from 'node:crypto';
import { deepCopy } from '../../knowledge/requests/copy';
import { todayIn } from '../../knowledge/calendar';
import { InvalidRequestError } from '../../knowledge/requests/errors';
import {
  FOLLOW_UP_CODE_PATTERN,
  generateFollowUpCode,
  hashFollowUpCode,
  parseFollowUpCode,
  verifyAgainstNothing,
  verifyFollowUpCode,
} from '../../knowledge/requests/followUpCode';
import { generateReference, parseReference } from '../../knowledge/requests/reference';
import { expiryOf } from '../../knowledge/requests/retention';
import {
  EXPORT_FORMATS,
  parseDraft,
  subjectKeySchema,
  type Actor,
  type ExportFormat,
  type FollowUpView,
  type RequestDraftInput,
  type RequestRecord,
} from '../../knowledge/requests/schema';
import { InvalidTransitionError, isRequestStatus, REQUEST_STATUSES, type RequestStatus } from '../../knowledge/requests/statuses';
import { applyTransition, parseActor, withExportRecorded, type TransitionDetails } from '../../knowledge/requests/workflow';
import { FOLLOW_UP_GUARD, lockSecondsAfter } from './followUpGuard';
import { FollowUpLockedError, IdempotencyConflictError, ReferenceExhaustedError, RequestNotFoundError, RequestStoreError, StaleVersionError } from './errors';
import { type RequestDocument, type RequestDocuments } from './requestDocuments';
import type { ListQuery, PurgeCounts, RequestRepository, SubmitOptions, SubmitResult } from './requestRepository';

export interface RequestRepositoryOptions {
  clock?: () => Date;
  /** Reference generator (tests force collisions with it). */
  newReference?: () => string;
  /** Attempts at a free reference before giving up. */
  maxReferenceAttempts?: number;
  /** Told when a reference gets locked after wrong follow-up codes (for the log: counts only). */
  onFollowUpLocked?: (event: { failures: number; lockedForSeconds: number }) => void;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;
const ORGANISATION_ID = /^[a-z-]+:[A-Za-z0-9._-]{1,80}$/;
const REQUEST_ID = /^[0-9a-f-]{36}$/;
const MAX_LIMIT = 100;
/** Bounded retries of an export record when a concurrent change bumps the version. */
const EXPORT_RETRIES = 5;

function requireString(operation: string, field: string, value: unknown, pattern: RegExp): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw new InvalidRequestError(operation, field, 'invalid value');
  return value;
}

function toRecord(doc: RequestDocument): RequestRecord {
  const { _id, idempotencyKey: _key, followUp: _hash, ...rest } = deepCopy(doc);
  return { id: _id, ...rest };
}

function toDocument(record: RequestRecord, idempotencyKey: string, followUp: RequestDocument['followUp']): RequestDocument {
  const { id, ...rest } = record;
  return deepCopy({ _id: id, ...rest, idempotencyKey, followUp });
}

const DOMAIN_ERRORS = [
  InvalidRequestError,
  InvalidTransitionError,
  RequestNotFoundError,
  StaleVersionError,
  IdempotencyConflictError,
  ReferenceExhaustedError,
  RequestStoreError,
  FollowUpLockedError,
];

/** Database failures become RequestStoreError (cause kept); domain errors pass through. */
async function guarded<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (DOMAIN_ERRORS.some((kind) => error instanceof kind)) throw error;
    throw new RequestStoreError(operation, { cause: error });
  }
}

/** The request repository over any RequestDocuments adapter: all the rules live here, once. */
export class DocumentRequestRepository implements RequestRepository {
  readonly capabilities: { readonly persistent: boolean };
  private readonly clock: () => Date;
  private readonly newReference: () => string;
  private readonly maxReferenceAttempts: number;
  private readonly onFollowUpLocked: NonNullable<RequestRepositoryOptions['onFollowUpLocked']>;

  constructor(
    private readonly documents: RequestDocuments,
    options: RequestRepositoryOptions = {},
  ) {
    this.capabilities = { persistent: documents.persistent };
    this.clock = options.clock ?? (() => new Date());
    this.newReference = options.newReference ?? (() => generateReference());
    this.maxReferenceAttempts = options.maxReferenceAttempts ?? 8;
    this.onFollowUpLocked = options.onFollowUpLocked ?? (() => undefined);
  }

  async submit(draftInput: RequestDraftInput, idempotencyKey: string, options: SubmitOptions = {}): Promise<SubmitResult> {
    const operation = 'submit';
    requireString(operation, 'idempotencyKey', idempotencyKey, IDEMPOTENCY_KEY);
    const now = this.clock();
    const draft = parseDraft(draftInput, todayIn(now), operation);
    const given = options.followUpCode;
    if (given !== undefined && (typeof given !== 'string' || !FOLLOW_UP_CODE_PATTERN.test(given))) {
      throw new InvalidRequestError(operation, 'followUpCode', 'must be 6 digits');
    }
    const submitter: Actor = options.actor ? parseActor(options.actor, operation) : { kind: 'person' };
    const code = given ?? generateFollowUpCode();
    const followUp = await hashFollowUpCode(code);

    return guarded(operation, async () => {
      for (let attempt = 1; attempt <= this.maxReferenceAttempts; attempt++) {
        const record: RequestRecord = {
          id: randomUUID(),
          reference: this.newReference(),
          status: 'received',
          version: 1,
          organisationId: draft.organisationId,
          subjectKey: draft.subjectKey,
          submittedBy: draft.submittedBy,
          ...(draft.channel ? { channel: draft.channel } : {}),
          createdAt: now,
          updatedAt: now,
          expiresAt: now,
          consent: { version: draft.consent.version, givenAt: draft.consent.givenAt },
          person: draft.person,
          criteria: draft.criteria,
          ...(draft.structureId ? { structureId: draft.structureId } : {}),
          ...(draft.note ? { note: draft.note } : {}),
          routing: draft.routing,
          history: [{ at: now, actor: submitter, action: 'submitted', to: 'received' }],
        };
        record.expiresAt = expiryOf(record);
        const doc = toDocument(record, idempotencyKey, followUp);
        if ((await this.documents.insert(doc)) === 'inserted') {
          return { request: toRecord(doc), created: true, followUpCode: code };
        }
        // A unique index refused it: either this key was already submitted, or the reference is taken.
        const existing = await this.documents.findOne({ by: 'idempotencyKey', idempotencyKey });
        if (existing) {
          if (existing.subjectKey !== draft.subjectKey) throw new IdempotencyConflictError();
          const same = given !== undefined && (await verifyFollowUpCode(given, existing.followUp));
          return { request: toRecord(existing), created: false, ...(same ? { followUpCode: given } : {}) };
        }
      }
      throw new ReferenceExhaustedError(this.maxReferenceAttempts);
    });
  }

  async findByReference(reference: string, organisationId: string): Promise<RequestRecord | null> {
    const operation = 'findByReference';
    requireString(operation, 'organisationId', organisationId, ORGANISATION_ID);
    const parsed = typeof reference === 'string' ? parseReference(reference) : undefined;
    if (!parsed) return null;
    return guarded(operation, async () => {
      const doc = await this.documents.findOne({ by: 'reference', reference: parsed, organisationId });
      return doc ? toRecord(doc) : null;
    });
  }

  async verifyFollowUp(reference: string, code: string): Promise<FollowUpView | null> {
    const parsedReference = typeof reference === 'string' ? parseReference(reference) : undefined;
    const parsedCode = typeof code === 'string' ? parseFollowUpCode(code) : undefined;
    return guarded('verifyFollowUp', async () => {
      const doc = parsedReference ? await this.documents.findOne({ by: 'reference', reference: parsedReference }) : null;
      if (!doc || !parsedCode) {
        await verifyAgainstNothing(parsedCode ?? '000000');
        return null;
      }
      const now = this.clock();
      const guard = await this.documents.followUpGuard(doc.reference);
      const lockedMs = (guard?.lockedUntil?.getTime() ?? 0) - now.getTime();
      if (lockedMs > 0) throw new FollowUpLockedError(Math.ceil(lockedMs / 1000));
      if (!(await verifyFollowUpCode(parsedCode, doc.followUp))) {
        const failures = await this.documents.countFollowUpFailure(doc.reference, now);
        const lockedForSeconds = lockSecondsAfter(failures);
        if (lockedForSeconds > 0) {
          await this.documents.lockFollowUp(doc.reference, new Date(now.getTime() + lockedForSeconds * 1000));
          this.onFollowUpLocked({ failures, lockedForSeconds });
        }
        return null;
      }
      if (guard) await this.documents.clearFollowUpFailures(doc.reference);
      return {
        reference: doc.reference,
        status: doc.status,
        submittedAt: new Date(doc.createdAt),
        updatedAt: new Date(doc.updatedAt),
        organisationId: doc.organisationId,
        ...(doc.pass ? { pass: { ...doc.pass } } : {}),
      };
    });
  }

  async listForOrganisation(organisationId: string, query: ListQuery): Promise<{ total: number; items: RequestRecord[] }> {
    const operation = 'listForOrganisation';
    requireString(operation, 'organisationId', organisationId, ORGANISATION_ID);
    const { status, limit, offset } = query ?? ({} as ListQuery);
    if (status !== undefined && !isRequestStatus(status)) throw new InvalidRequestError(operation, 'status', 'unknown status');
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new InvalidRequestError(operation, 'limit', `must be 1-${MAX_LIMIT}`);
    if (!Number.isInteger(offset) || offset < 0) throw new InvalidRequestError(operation, 'offset', 'must be 0 or more');
    return guarded(operation, async () => {
      const page = await this.documents.listByOrganisation(organisationId, status, limit, offset);
      return { total: page.total, items: page.items.map(toRecord) };
    });
  }

  async get(id: string, organisationId: string): Promise<RequestRecord | null> {
    const operation = 'get';
    requireString(operation, 'organisationId', organisationId, ORGANISATION_ID);
    if (typeof id !== 'string' || !REQUEST_ID.test(id)) return null;
    return guarded(operation, async () => {
      const doc = await this.documents.findOne({ by: 'id', id, organisationId });
      return doc ? toRecord(doc) : null;
    });
  }

  async transition(id: string, organisationId: string, to: RequestStatus, actor: Actor, details: TransitionDetails): Promise<RequestRecord> {
    const operation = 'transition';
    requireString(operation, 'organisationId', organisationId, ORGANISATION_ID);
    const who = parseActor(actor, operation);
    const expected = details?.expectedVersion;
    return guarded(operation, async () => {
      const doc = REQUEST_ID.test(String(id)) ? await this.documents.findOne({ by: 'id', id, organisationId }) : null;
      if (!doc) throw new RequestNotFoundError(operation);
      if (Number.isInteger(expected) && doc.version !== expected) throw new StaleVersionError(operation, expected, doc.version);
      const next = applyTransition(toRecord(doc), to, who, details, this.clock());
      if (!(await this.documents.replaceIfVersion(toDocument(next, doc.idempotencyKey, doc.followUp), doc.version))) {
        const now = await this.documents.findOne({ by: 'id', id, organisationId });
        throw new StaleVersionError(operation, expected, now?.version);
      }
      return next;
    });
  }

  async recordExport(id: string, organisationId: string, actor: Actor, format: ExportFormat): Promise<RequestRecord> {
    const operation = 'recordExport';
    requireString(operation, 'organisationId', organisationId, ORGANISATION_ID);
    const who = parseActor(actor, operation);
    if (!(EXPORT_FORMATS as readonly unknown[]).includes(format)) throw new InvalidRequestError(operation, 'format', 'unknown format');
    return guarded(operation, async () => {
      for (let attempt = 0; attempt < EXPORT_RETRIES; attempt++) {
        const doc = REQUEST_ID.test(String(id)) ? await this.documents.findOne({ by: 'id', id, organisationId }) : null;
        if (!doc) throw new RequestNotFoundError(operation);
        const next = withExportRecorded(toRecord(doc), who, format, this.clock());
        if (await this.documents.replaceIfVersion(toDocument(next, doc.idempotencyKey, doc.followUp), doc.version)) return next;
      }
      throw new StaleVersionError(operation, -1, undefined);
    });
  }

  async listBySubject(subjectKey: string): Promise<RequestRecord[]> {
    const key = this.subject('listBySubject', subjectKey);
    return guarded('listBySubject', async () => (await this.documents.findBySubject(key)).map(toRecord));
  }

  async eraseBySubject(subjectKey: string): Promise<number> {
    const key = this.subject('eraseBySubject', subjectKey);
    return guarded('eraseBySubject', () => this.documents.removeBySubject(key));
  }

  async eraseByReference(reference: string): Promise<number> {
    const parsed = typeof reference === 'string' ? parseReference(reference) : undefined;
    if (!parsed) throw new InvalidRequestError('eraseByReference', 'reference', 'must be a request reference');
    return guarded('eraseByReference', () => this.documents.removeByReference(parsed));
  }

  async purgeExpired(now: Date = this.clock(), options: { dryRun?: boolean } = {}): Promise<PurgeCounts> {
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new InvalidRequestError('purgeExpired', 'now', 'must be a date');
    return guarded('purgeExpired', async () => {
      const byStatus = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
      for (const status of REQUEST_STATUSES) {
        byStatus[status] = options.dryRun ? await this.documents.countExpired(status, now) : await this.documents.removeExpired(status, now);
      }
      if (!options.dryRun) {
        await this.documents.removeFollowUpGuardsBefore(new Date(now.getTime() - FOLLOW_UP_GUARD.forgetAfterDays * 24 * 3600 * 1000));
      }
      return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
    });
  }

  private subject(operation: string, subjectKey: string): string {
    const parsed = subjectKeySchema.safeParse(subjectKey);
    if (!parsed.success) throw new InvalidRequestError(operation, 'subjectKey', 'must be a pseudonymous key');
    return parsed.data;
  }
}
