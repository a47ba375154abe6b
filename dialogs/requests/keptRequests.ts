import type { TurnContext } from 'botbuilder';
import { subjectKeyOf } from '../../knowledge/requests';
import type { FollowUpView, RequestRecord } from '../../knowledge/requests/schema';
import type { RequestRepository } from '../../stores/requests/requestRepository';
import type { ConversationSession } from '../shared/session';

/**
 * The requests a conversation may show and erase: those made from this channel identity, and those
 * the person proved with their reference and code (`suivre ma demande`) in this conversation — a
 * request made elsewhere (another device, a reception desk) is reached that way.
 */

/** Called once a reference and its code matched: this conversation may now show and erase that request. */
export function rememberProven(session: ConversationSession, view: Pick<FollowUpView, 'reference' | 'organisationId'>): void {
  const proven = (session.provenRequests ?? []).filter((p) => p.reference !== view.reference);
  session.provenRequests = [...proven, { reference: view.reference, organisationId: view.organisationId }];
}

export function subjectOf(context: TurnContext, secret: string): string {
  return subjectKeyOf(context.activity.channelId, context.activity.from.id, secret);
}

/** Every request kept for this person that this conversation may see, newest first, each once. */
export async function keptRequests(requests: RequestRepository, subjectKey: string, session: ConversationSession): Promise<RequestRecord[]> {
  const own = await requests.listBySubject(subjectKey);
  const seen = new Set(own.map((r) => r.id));
  const proven: RequestRecord[] = [];
  for (const { reference, organisationId } of session.provenRequests ?? []) {
    const record = await requests.findByReference(reference, organisationId);
    if (record && !seen.has(record.id)) {
      seen.add(record.id);
      proven.push(record);
    }
  }
  return [...own, ...proven].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * Erases the person's requests (their own and the proven ones); returns what was really deleted,
 * with the ids (to forget their notices). Proofs are dropped with them.
 */
export async function eraseKeptRequests(
  requests: RequestRepository,
  subjectKey: string,
  session: ConversationSession,
): Promise<{ count: number; ids: string[] }> {
  const kept = await keptRequests(requests, subjectKey, session);
  let count = await requests.eraseBySubject(subjectKey);
  for (const record of kept.filter((r) => r.subjectKey !== subjectKey)) count += await requests.eraseByReference(record.reference);
  delete session.provenRequests;
  return { count, ids: kept.map((r) => r.id) };
}
