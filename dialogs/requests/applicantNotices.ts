import type { TurnContext } from 'botbuilder';
import type { RequestStatus } from '../../knowledge/requests';

/**
 * What the request dialogs need to tell applicants when an adviser moves their request. The channel
 * layer implements it (bot/channels/applicantNotifier.ts): it keeps the applicant's conversation
 * reference and delivers the notice through the channel adapters.
 */
export interface ApplicantNotices {
  /** Keeps where to reach the applicant of this request (channel ids only, no text). */
  remember(requestId: string, context: TurnContext): Promise<void>;
  /** Forgets it (the request was erased). */
  forget(requestIds: readonly string[]): Promise<void>;
  /** True when the applicant was told. Never throws: a missed notice does not undo the move. */
  notify(requestId: string, reference: string, status: RequestStatus): Promise<boolean>;
}
