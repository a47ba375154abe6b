import { z } from 'zod';
import { STRUCTURE_KINDS } from './kinds';

/**
 * One organisation of the directory: an SIAE or another inclusive employer, or a prescriber /
 * partner. Every record entering the store (bundled demo data, imports, API) goes through
 * `structureSchema`.
 */

/** Where a record comes from. `demo` records are invented and the bot says "exemple" for them. */
export const SOURCE_KINDS = ['demo', 'emplois', 'asp', 'data-inclusion', 'manual'] as const;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** SIRET: 14 digits (spaces removed before validation by importers). */
export const siretSchema = z.string().regex(/^\d{14}$/, 'SIRET must be 14 digits');

export const structureSchema = z
  .object({
    /** Stable id: `<source>:<id in that source>`, e.g. `demo:972-aci-01`, `emplois:1234`, `asp:<siret>`. */
    id: z.string().regex(/^[a-z-]+:[A-Za-z0-9._-]{1,80}$/, 'id must look like source:identifier'),
    siret: siretSchema.optional(),
    name: trimmed(200),
    kind: z.enum(STRUCTURE_KINDS),
    address: z
      .object({
        line1: trimmed(200).optional(),
        line2: trimmed(200).optional(),
        postcode: z.string().regex(/^\d{5}$/).optional(),
        communeName: trimmed(100),
      })
      .strict(),
    /** Territory codes, from the commune (kept on the record so stats and filters are plain queries). */
    territory: z
      .object({
        communeInsee: z.string().regex(/^(\d{5}|2[AB]\d{3})$/),
        departement: z.string().regex(/^(\d{2,3}|2[AB])$/),
        region: z.string().regex(/^\d{2,3}$/, 'région code: 2 digits, or 3 for an overseas collectivity'),
        epci: z.string().regex(/^\d{9}$/).optional(),
      })
      .strict(),
    /** Where to put the structure on a map; `commune` when only the commune's point is known. */
    location: z
      .object({
        lat: z.number().min(-90).max(90),
        lng: z.number().min(-180).max(180),
        precision: z.enum(['address', 'commune']),
      })
      .strict(),
    phone: z.string().regex(/^\+?[0-9 .-]{6,20}$/).optional(),
    /** Opening hours as the source writes them (data·inclusion `horaires_accueil`: OSM opening_hours syntax, « Mo-Fr 08:00-12:00 »). */
    openingHours: z.string().trim().min(1).max(500).optional(),
    email: z.email().max(200).optional(),
    website: z.url({ protocol: /^https?$/ }).max(300).optional(),
    description: z.string().trim().max(2000).optional(),
    sectors: z.array(trimmed(100)).max(20).default([]),
    /** Conventioned insertion posts (ETP), for SIAE. */
    insertionPosts: z.number().int().min(0).max(100000).optional(),
    /** False when the structure does not take applications right now. */
    acceptsApplications: z.boolean().default(true),
    source: z
      .object({
        kind: z.enum(SOURCE_KINDS),
        /** Human-readable origin, e.g. "Exemple fictif (données DIECCTE 2016)". */
        label: trimmed(200),
      })
      .strict(),
    /** Last update of the record in its source (ISO date or date-time). */
    updatedAt: z.iso.date().or(z.iso.datetime({ offset: true })),
  })
  .strict();

export type Structure = z.infer<typeof structureSchema>;
/** What callers may pass in before defaults apply. */
export type StructureInput = z.input<typeof structureSchema>;

export function isDemo(structure: Pick<Structure, 'source'>): boolean {
  return structure.source.kind === 'demo';
}
