/**
 * The lifecycle of a request, as a transition table mirroring the real process: the organisation
 * receives the request (a prescriber for a diagnosis, or the chosen structure for a candidature),
 * runs the diagnosis (individual socio-professional interview), validates eligibility or not, then
 * records the hire in an SIAE or closes the request. Prescribers validate eligibility; they do not
 * issue the PASS IAE: the employer obtains it at the hire. The stored value `pass_issued` is kept
 * as it is (existing requests stay readable, exports keep their values) and means "hired by an
 * SIAE, with the PASS IAE number that employer obtained". See README.md ("Workflow").
 */
export const REQUEST_STATUSES = [
  'received',
  'diagnosis_in_progress',
  'eligibility_confirmed',
  'not_eligible',
  'pass_issued',
  'closed',
] as const;

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Every allowed move; any pair not listed is refused with an InvalidTransitionError. */
export const TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  received: ['diagnosis_in_progress', 'closed'],
  diagnosis_in_progress: ['eligibility_confirmed', 'not_eligible', 'closed'],
  eligibility_confirmed: ['pass_issued', 'closed'],
  not_eligible: [],
  pass_issued: [],
  closed: [],
};

/** Statuses after which nothing moves any more (their retention clock starts). */
export const FINAL_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => TRANSITIONS[s].length === 0);

/** Statuses an adviser still has work on. */
export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((s) => TRANSITIONS[s].length > 0);

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === 'string' && (REQUEST_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A move the workflow does not allow (e.g. received → pass_issued). Carries no personal data. */
export class InvalidTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly from: RequestStatus,
    readonly to: RequestStatus,
  ) {
    const allowed = TRANSITIONS[from];
    super(
      `Request transition ${from} → ${to} is not allowed` +
        (allowed.length ? ` (from ${from}: ${allowed.join(', ')})` : ` (${from} is final)`),
    );
    this.name = 'InvalidTransitionError';
  }
}

export function assertTransition(from: RequestStatus, to: RequestStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}
