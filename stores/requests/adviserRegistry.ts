import { z } from 'zod';
import { invalidFrom } from '../../knowledge/requests/errors';
import { structureIdSchema } from '../../knowledge/requests/schema';

/**
 * Advisers of prescriber organisations, identified by their Teams (Entra ID) identity: tenant id
 * and AAD object id. Each is linked to one organisation (a directory structure id of a partner
 * kind) and sees only that organisation's requests.
 */
export interface Adviser {
  /** `<tenantId>:<aadObjectId>`, lower case: the id written in request histories. */
  id: string;
  tenantId: string;
  aadObjectId: string;
  organisationId: string;
  name?: string;
  addedAt: Date;
  updatedAt: Date;
}

const guid = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a GUID');

export const adviserIdentitySchema = z.object({ tenantId: guid, aadObjectId: guid }).strict();

export const adviserInputSchema = z
  .object({
    tenantId: guid,
    aadObjectId: guid,
    organisationId: structureIdSchema,
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export type AdviserInput = z.input<typeof adviserInputSchema>;

export function adviserIdOf(tenantId: string, aadObjectId: string): string {
  return `${tenantId}:${aadObjectId}`.toLowerCase();
}

export function parseAdviserInput(input: unknown, operation: string): z.output<typeof adviserInputSchema> {
  const parsed = adviserInputSchema.safeParse(input);
  if (!parsed.success) throw invalidFrom(`advisers ${operation}`, parsed.error);
  return parsed.data;
}

export function parseAdviserIdentity(tenantId: unknown, aadObjectId: unknown, operation: string): string {
  const parsed = adviserIdentitySchema.safeParse({ tenantId, aadObjectId });
  if (!parsed.success) throw invalidFrom(`advisers ${operation}`, parsed.error);
  return adviserIdOf(parsed.data.tenantId, parsed.data.aadObjectId);
}

export interface AdviserRegistry {
  /** Adds an adviser, or moves / renames one already registered (`created` says which). */
  add(input: AdviserInput): Promise<{ adviser: Adviser; created: boolean }>;
  /** True when one was removed. */
  remove(tenantId: string, aadObjectId: string): Promise<boolean>;
  /** By organisation, then id. */
  list(filter?: { organisationId?: string }): Promise<Adviser[]>;
  find(tenantId: string, aadObjectId: string): Promise<Adviser | null>;
}

/** Stored shape, same in every adapter. */
export interface AdviserDocument {
  _id: string;
  tenantId: string;
  aadObjectId: string;
  organisationId: string;
  name?: string;
  addedAt: Date;
  updatedAt: Date;
}

export function adviserOf(doc: AdviserDocument): Adviser {
  const { _id, name, ...rest } = doc;
  return { id: _id, ...rest, ...(name ? { name } : {}), addedAt: new Date(doc.addedAt), updatedAt: new Date(doc.updatedAt) };
}

/** What a registry needs from a database; the rules live in `documentAdviserRegistry`. */
export interface AdviserDocuments {
  insert(doc: AdviserDocument): Promise<'inserted' | 'duplicate'>;
  /** Sets organisation and name (removing the name when absent); returns the stored document. */
  update(id: string, organisationId: string, name: string | undefined, now: Date): Promise<AdviserDocument | null>;
  remove(id: string): Promise<boolean>;
  list(organisationId?: string): Promise<AdviserDocument[]>;
  find(id: string): Promise<AdviserDocument | null>;
}

export function documentAdviserRegistry(documents: AdviserDocuments, clock: () => Date = () => new Date()): AdviserRegistry {
  return {
    async add(input) {
      const { tenantId, aadObjectId, organisationId, name } = parseAdviserInput(input, 'add');
      const now = clock();
      const id = adviserIdOf(tenantId, aadObjectId);
      const doc: AdviserDocument = { _id: id, tenantId, aadObjectId, organisationId, ...(name ? { name } : {}), addedAt: now, updatedAt: now };
      if ((await documents.insert(doc)) === 'inserted') return { adviser: adviserOf(doc), created: true };
      const updated = await documents.update(id, organisationId, name, now);
      if (!updated) throw new Error('advisers add: the adviser vanished while being updated');
      return { adviser: adviserOf(updated), created: false };
    },
    async remove(tenantId, aadObjectId) {
      return documents.remove(parseAdviserIdentity(tenantId, aadObjectId, 'remove'));
    },
    async list(filter = {}) {
      let organisationId: string | undefined;
      if (filter.organisationId !== undefined) {
        const parsed = structureIdSchema.safeParse(filter.organisationId);
        if (!parsed.success) throw invalidFrom('advisers list', parsed.error);
        organisationId = parsed.data;
      }
      const docs = await documents.list(organisationId);
      return docs
        .map(adviserOf)
        .sort((a, b) => (a.organisationId + '\u0000' + a.id < b.organisationId + '\u0000' + b.id ? -1 : 1));
    },
    async find(tenantId, aadObjectId) {
      const parsed = adviserIdentitySchema.safeParse({ tenantId, aadObjectId });
      if (!parsed.success) return null;
      const doc = await documents.find(adviserIdOf(parsed.data.tenantId, parsed.data.aadObjectId));
      return doc ? adviserOf(doc) : null;
    },
  };
}
