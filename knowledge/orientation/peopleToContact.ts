import { z } from 'zod';
import { STRUCTURE_KINDS, type StructureKind } from '../directory/kinds';
import peopleFile from './data/people.json';

const FACTS = ['under26', 'rqth', 'minima'] as const;
type Fact = (typeof FACTS)[number];

const fileSchema = z
  .object({
    $comment: z.string(),
    contacts: z
      .array(
        z
          .object({
            kind: z.enum(STRUCTURE_KINDS),
            when: z.partialRecord(z.enum(FACTS), z.literal(true)),
            /** A national number that reaches this kind of organisation. */
            phone: z.string().regex(/^[0-9 ]{4,14}$/).optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const CONTACTS = fileSchema.parse(peopleFile).contacts;

/** What is known of the person: true, false, or unknown (undefined). */
export type KnownFacts = Partial<Record<Fact, boolean>>;

export interface PersonToContact {
  kind: StructureKind;
  /** National phone number, when there is one. */
  phone?: string;
  /** The fact this contact depends on, when it is not known yet (said as « si … »). */
  ifFact?: Fact;
}

/** The organisations a person can reach, in order, from what is known of them (data/people.json). */
export function peopleToContact(facts: KnownFacts): PersonToContact[] {
  return CONTACTS.flatMap((contact) => {
    const needed = Object.keys(contact.when) as Fact[];
    if (needed.some((fact) => facts[fact] === false)) return [];
    const unknown = needed.find((fact) => facts[fact] === undefined);
    return [{ kind: contact.kind, ...(contact.phone ? { phone: contact.phone } : {}), ...(unknown ? { ifFact: unknown } : {}) }];
  });
}
