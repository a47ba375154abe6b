import { CRITERION_KEYS } from '../eligibility/criterionKeys';
import { isCandidature } from './routing';
import type { HistoryEntry, RequestRecord } from './schema';
import type { RequestStatus } from './statuses';

/**
 * Exports of a request for the national platform (*Les emplois de l'inclusion*): a JSON document
 * with stable field names and the platform's criterion keys, and a printable plain-text summary.
 * Each export is recorded in the request's history by the store (`recordExport`).
 */
export const EXPORT_FORMAT_VERSION = 'guichet-iae.request/1';

export interface RequestExport {
  format: typeof EXPORT_FORMAT_VERSION;
  reference: string;
  status: string;
  submittedAt: string;
  updatedAt: string;
  organisationId: string;
  /**
   * `diagnosis`: a request to a prescriber for a diagnosis and an orientation; `candidature`: an
   * application received by the structure the person chose. The status `pass_issued` (kept as
   * stored) means: hired by an SIAE, with the PASS IAE number that employer obtained.
   */
  requestKind: 'diagnosis' | 'candidature';
  consentVersion: string;
  person: {
    firstName: string;
    lastName: string;
    birthDate: string;
    phone?: string;
    email?: string;
    communeInsee: string;
  };
  criteria: string[];
  wantedStructureId?: string;
  note?: string;
  pass?: { number: string; startDate: string; endDate: string };
  history: Array<{ at: string; action: string; actor: string; from?: string; to?: string; reason?: string; format?: string }>;
}

const actorLabel = (entry: HistoryEntry) => (entry.actor.kind === 'adviser' ? `adviser:${entry.actor.adviserId}` : entry.actor.kind);

/** Criteria in the catalogue's order, whatever order they were declared in. */
const ordered = (criteria: readonly string[]) => CRITERION_KEYS.filter((k) => criteria.includes(k));

export function exportRequest(record: RequestRecord): RequestExport {
  const { person } = record;
  return {
    format: EXPORT_FORMAT_VERSION,
    reference: record.reference,
    status: record.status,
    submittedAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    organisationId: record.organisationId,
    requestKind: isCandidature(record) ? 'candidature' : 'diagnosis',
    consentVersion: record.consent.version,
    person: {
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: person.birthDate,
      ...(person.contact.kind === 'phone' ? { phone: person.contact.value } : { email: person.contact.value }),
      communeInsee: person.communeInsee,
    },
    criteria: ordered(record.criteria),
    ...(record.structureId ? { wantedStructureId: record.structureId } : {}),
    ...(record.note ? { note: record.note } : {}),
    ...(record.pass ? { pass: { ...record.pass } } : {}),
    history: record.history.map((h) => ({
      at: h.at.toISOString(),
      action: h.action,
      actor: actorLabel(h),
      ...(h.action === 'status' ? { from: h.from, to: h.to, ...(h.reason ? { reason: h.reason } : {}) } : {}),
      ...(h.action === 'submitted' ? { to: h.to } : {}),
      ...(h.action === 'export' ? { format: h.format } : {}),
    })),
  };
}

/** Labels of the printable summary (French by default; a caller may pass translated ones). */
export const SUMMARY_LABELS_FR = {
  title: 'Demande IAE : diagnostic ou candidature',
  reference: 'Référence',
  requestKind: 'Type de demande',
  kinds: { diagnosis: 'diagnostic et orientation par un prescripteur', candidature: 'candidature dans la structure' },
  statuses: {
    received: 'reçue',
    diagnosis_in_progress: 'diagnostic en cours',
    eligibility_confirmed: 'éligibilité validée',
    not_eligible: 'non éligible',
    pass_issued: 'embauche en SIAE (PASS IAE)',
    closed: 'fermée',
  },
  status: 'Statut',
  submittedAt: 'Déposée le',
  organisation: 'Organisme qui reçoit la demande',
  consent: 'Consentement (version)',
  name: 'Nom, prénom',
  birthDate: 'Date de naissance',
  contact: 'Contact',
  commune: 'Commune (INSEE)',
  criteria: 'Critères déclarés',
  structure: 'Structure souhaitée',
  note: 'Note',
  pass: 'Embauche en SIAE (PASS IAE)',
  history: 'Historique',
  none: 'aucun',
} as const;

export type SummaryLabels = { readonly [K in Exclude<keyof typeof SUMMARY_LABELS_FR, 'kinds' | 'statuses'>]: string } & {
  readonly kinds: { readonly diagnosis: string; readonly candidature: string };
  readonly statuses: Readonly<Record<RequestStatus, string>>;
};

/** A plain-text summary to print or paste, one fact per line. */
export function printableSummary(record: RequestRecord, labels: SummaryLabels = SUMMARY_LABELS_FR): string {
  const e = exportRequest(record);
  const lines = [
    labels.title,
    '='.repeat(labels.title.length),
    `${labels.reference}: ${e.reference}`,
    `${labels.requestKind}: ${labels.kinds[e.requestKind]}`,
    `${labels.status}: ${labels.statuses[record.status]} (${e.status})`,
    `${labels.submittedAt}: ${e.submittedAt.slice(0, 10)}`,
    `${labels.organisation}: ${e.organisationId}`,
    `${labels.consent}: ${e.consentVersion}`,
    '',
    `${labels.name}: ${e.person.lastName.toUpperCase()}, ${e.person.firstName}`,
    `${labels.birthDate}: ${e.person.birthDate}`,
    `${labels.contact}: ${e.person.phone ?? e.person.email}`,
    `${labels.commune}: ${e.person.communeInsee}`,
    `${labels.criteria}: ${e.criteria.length ? e.criteria.join(', ') : labels.none}`,
  ];
  if (e.wantedStructureId) lines.push(`${labels.structure}: ${e.wantedStructureId}`);
  if (e.note) lines.push(`${labels.note}: ${e.note}`);
  if (e.pass) lines.push(`${labels.pass}: ${e.pass.number} (${e.pass.startDate} → ${e.pass.endDate})`);
  lines.push('', `${labels.history}:`);
  for (const h of e.history) {
    const move = h.from ? `${h.from} → ${h.to}` : h.to ?? h.format ?? '';
    lines.push(`- ${h.at.slice(0, 16).replace('T', ' ')} UTC  ${h.action}  ${move}${h.reason ? ` (${h.reason})` : ''}  [${h.actor}]`);
  }
  return lines.join('\n') + '\n';
}
