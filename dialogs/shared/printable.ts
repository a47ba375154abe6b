import type { Activity } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Structure } from '../../knowledge/directory/structure';
import { structureAddress } from '../search/structureCard';

/**
 * What a page may print for the person to take away (the kiosk's summary), carried in the
 * channelData of the message that shows it: nothing is stored for it. An eligibility result is
 * printed as its text; structures and a request as these few fields.
 */
export type PrintablePart =
  | { kind: 'eligibility' }
  | { kind: 'structures'; items: PrintableStructure[] }
  | { kind: 'request'; reference: string; organisation: string; contact?: string };

export interface PrintableStructure {
  name: string;
  kind: string;
  address: string;
  phone?: string;
  email?: string;
  website?: string;
}

/** A message that the page may print. */
export function printableMessage(text: string, part: PrintablePart): Partial<Activity> {
  return { type: 'message', text, channelData: { printable: part } };
}

/** The printable channelData of a message built elsewhere (a carousel of cards). */
export function printableChannelData(part: PrintablePart): { printable: PrintablePart } {
  return { printable: part };
}

/** A structure's name, kind and ways to reach it, in the person's language. */
export function printableStructure(structure: Structure, t: TFunction): PrintableStructure {
  return {
    name: structure.name,
    kind: t(`directory:kinds.${structure.kind}.name`),
    address: structureAddress(structure),
    ...(structure.phone ? { phone: structure.phone } : {}),
    ...(structure.email ? { email: structure.email } : {}),
    ...(structure.website ? { website: structure.website } : {}),
  };
}
