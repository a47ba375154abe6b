/**
 * Versions of the consent text shown before a request is stored. The texts themselves live in the
 * locale files (key `localeKey`); here only their ids and dates. The id of the version the person
 * accepted is stored with the request. A new wording gets a new id: never edit a published one.
 */
export interface ConsentVersion {
  /** Stored with each request, e.g. `request-v1`. */
  readonly id: string;
  /** First day the text is shown (ISO date). */
  readonly since: string;
  /** Last day it is shown, once a newer version replaces it. */
  readonly until?: string;
  /** i18next key of the text. */
  readonly localeKey: string;
}

export const CONSENT_VERSIONS = [
  { id: 'request-v1', since: '2026-11-01', until: '2026-12-06', localeKey: 'requests:consent.v1' },
  // v2: the request may go to the structure the person chose, not only to a prescriber (issue 12 §4).
  { id: 'request-v2', since: '2026-12-07', localeKey: 'requests:consent.v2' },
] as const satisfies readonly ConsentVersion[];

export type ConsentVersionId = (typeof CONSENT_VERSIONS)[number]['id'];

export const CONSENT_VERSION_IDS = CONSENT_VERSIONS.map((v) => v.id) as [ConsentVersionId, ...ConsentVersionId[]];

/** The version to show on a date (ISO), or undefined if none is in force. */
export function consentVersionOn(date: string): ConsentVersion | undefined {
  const all: readonly ConsentVersion[] = CONSENT_VERSIONS;
  return all.filter((v) => v.since <= date && (!v.until || date <= v.until)).at(-1);
}

/** The version shown today: the dialogs ask for this one. */
export const CURRENT_CONSENT_VERSION: ConsentVersionId = CONSENT_VERSIONS[CONSENT_VERSIONS.length - 1].id;
