import { z } from 'zod';
import { OTHER_EMPLOYER_KINDS, SIAE_KINDS } from '../directory/kinds';
import { CRITERION_KEYS } from '../eligibility/criterionKeys';

/** The topics of the knowledge base, in the order a menu would list them. */
export const FAQ_TOPICS = ['iae', 'kinds', 'pass-iae', 'work', 'eligibility', 'prescribers', 'actors', 'proofs', 'after', 'guichet', 'martinique'] as const;
export type FaqTopic = (typeof FAQ_TOPICS)[number];

/** The files of knowledge/sources/ an entry may cite. */
export const FAQ_SOURCE_FILES = ['iae-ecosystem.md', 'eligibility-rules.md', 'public-references.md'] as const;

/** Kinds an entry can be tagged with: the SIAE and their neighbours (GEIQ, EA, EATT). */
export const FAQ_KINDS = [...SIAE_KINDS, ...OTHER_EMPLOYER_KINDS] as const;

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case');

/** `<file>#<section slug>`, e.g. `eligibility-rules.md#durations` (see sectionSlug in sources.ts). */
const sourceRef = z
  .string()
  .regex(/^[a-z0-9-]+\.md#[a-z0-9-]+$/, 'must be <file>.md#<section-slug>')
  .refine((s) => (FAQ_SOURCE_FILES as readonly string[]).includes(s.split('#')[0] ?? ''), 'unknown source file');

export const faqEntrySchema = z
  .object({
    id: kebab,
    topic: z.enum(FAQ_TOPICS),
    source: sourceRef,
    /** The day the entry was last checked against its source (ISO date). */
    checked: z.iso.date(),
    related: z.array(kebab).max(5),
    kinds: z.array(z.enum(FAQ_KINDS)).optional(),
    criteria: z.array(z.enum(CRITERION_KEYS)).optional(),
  })
  .strict();
export type FaqEntryData = z.infer<typeof faqEntrySchema>;

export const faqEntriesFileSchema = z
  .object({ $comment: z.string(), entries: z.array(faqEntrySchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.entries.forEach((entry, index) => {
      if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${entry.id}`, path: ['entries', index, 'id'] });
      ids.add(entry.id);
    });
    file.entries.forEach((entry, index) => {
      for (const rel of entry.related) {
        if (!ids.has(rel)) ctx.addIssue({ code: 'custom', message: `${entry.id}: related ${rel} does not exist`, path: ['entries', index, 'related'] });
        if (rel === entry.id) ctx.addIssue({ code: 'custom', message: `${entry.id} is related to itself`, path: ['entries', index, 'related'] });
      }
    });
  });

/** The texts of one entry in one language (locales/<lng>/faq.json, `entries.<id>`). */
export const faqTextSchema = z
  .object({
    question: z.string().trim().min(3),
    answer: z.string().trim().min(10),
    keywords: z.array(z.string().trim().min(1)).min(1),
  })
  .strict();
export type FaqText = z.infer<typeof faqTextSchema>;

export const faqLocaleFileSchema = z
  .object({
    topics: z.record(z.enum(FAQ_TOPICS), z.string().min(1)),
    entries: z.record(kebab, faqTextSchema),
  })
  .strict();
