import { CardFactory, type Attachment } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Locale } from '../../locales/i18n';
import { z } from 'zod';
import { isDemo, structureSchema, type Structure } from '../../knowledge/directory/structure';
import { openingHoursInWords } from './openingHours';

/** What a card button sends back (Action.Submit data, every value a string): validated when read. */
export const structureCardActionSchema = z
  .object({ action: z.literal('request.start'), structureId: structureSchema.shape.id })
  .strict();
export type StructureCardAction = z.infer<typeof structureCardActionSchema>;

/** A link to the place on OpenStreetMap (no API key, no tracking). */
export function mapUrl(lat: number, lng: number): string {
  const la = lat.toFixed(5);
  const ln = lng.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${ln}#map=15/${la}/${ln}`;
}

export function formatKm(km: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
}

/** The address on one line: street, complement, postcode and commune. */
export function structureAddress(structure: Structure): string {
  const { line1, line2, postcode, communeName } = structure.address;
  return [line1, line2, [postcode, communeName].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/**
 * One structure as an Adaptive Card 1.5 (the version Teams renders): name, kind in words, distance,
 * address, and actions to call, write, visit, see on a map, or start a request there.
 */
export function structureCard(
  structure: Structure,
  distanceKm: number | undefined,
  t: TFunction,
  locale: Locale,
  options: { canRequest?: boolean } = {},
): Attachment {
  const address = structureAddress(structure);
  // Short lines rather than a fact table: cards are narrow in a carousel.
  const where =
    distanceKm === undefined
      ? address
      : distanceKm < 0.5
        ? t('search:card.here', { address })
        : t('search:card.at', { km: formatKm(distanceKm, locale), address });
  const details: unknown[] = [{ type: 'TextBlock', text: where, wrap: true }];
  if (structure.location.precision === 'commune') {
    details.push({ type: 'TextBlock', text: t('directory:approximateLocation'), isSubtle: true, size: 'Small', wrap: true, spacing: 'None' });
  }
  // Written out too: a kiosk or a desk phone cannot follow a tel: link.
  if (structure.phone) details.push({ type: 'TextBlock', text: t('search:card.phone', { phone: structure.phone }), wrap: true, spacing: 'Small' });
  if (structure.openingHours) {
    details.push({ type: 'TextBlock', text: t('search:hours.label', { hours: openingHoursInWords(structure.openingHours, t, locale) }), wrap: true, spacing: 'Small' });
  }
  if (structure.insertionPosts !== undefined) {
    details.push({ type: 'TextBlock', text: t('search:card.posts', { count: structure.insertionPosts }), wrap: true });
  }

  const body: unknown[] = [
    { type: 'TextBlock', text: structure.name, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: t(`directory:kinds.${structure.kind}.name`), isSubtle: true, spacing: 'None', wrap: true },
  ];
  if (isDemo(structure)) body.push({ type: 'TextBlock', text: t('directory:demoNotice'), color: 'Attention', wrap: true, spacing: 'Small' });
  if (!structure.acceptsApplications) body.push({ type: 'TextBlock', text: t('search:card.closed'), color: 'Warning', wrap: true });
  if (structure.description) body.push({ type: 'TextBlock', text: structure.description, wrap: true, maxLines: 3 });
  if (structure.sectors.length > 0) body.push({ type: 'TextBlock', text: structure.sectors.join(' · '), wrap: true, isSubtle: true });
  body.push(...details);

  const actions: unknown[] = [];
  if (structure.phone) actions.push({ type: 'Action.OpenUrl', title: t('search:card.call'), url: `tel:${structure.phone.replace(/[^+0-9]/g, '')}` });
  if (structure.email) actions.push({ type: 'Action.OpenUrl', title: t('search:card.email'), url: `mailto:${structure.email}` });
  if (structure.website) actions.push({ type: 'Action.OpenUrl', title: t('search:card.website'), url: structure.website });
  actions.push({ type: 'Action.OpenUrl', title: t('search:card.map'), url: mapUrl(structure.location.lat, structure.location.lng) });
  if (options.canRequest) {
    const data: StructureCardAction = { action: 'request.start', structureId: structure.id };
    actions.push({ type: 'Action.Submit', title: t('search:card.request'), data });
  }

  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    lang: locale,
    body,
    actions,
  });
}
