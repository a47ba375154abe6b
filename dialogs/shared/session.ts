import type { EligibilityCheckState } from '../eligibility/checkState';
import type { RequestDraftState } from '../requests/requestFields';
import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { StructureKind } from '../../knowledge/directory/kinds';
import type { Place } from '../../knowledge/territory';
import type { UnderstoodMessage } from './understanding';

/** What the assistant answered last at the menu's level, when a place alone can ask it again for another place. */
export type LastAnswer = 'stats';

/**
 * What one conversation carries from dialog to dialog, so that nothing is asked twice.
 * `recommencer` empties it. Features add their fields here as they come.
 */
export interface ConversationSession {
  welcomed?: boolean;
  /** How many messages in a row the menu did not understand. */
  misunderstandings?: number;
  /** The département the person is looking in, once known: ranks namesakes of places. */
  departement?: string;
  /** The last place the person gave (a search, a triage), reused instead of asking again. */
  place?: Place;
  /** The kinds of structure the person looks for (empty: every kind), reused by the next search. */
  kinds?: StructureKind[];
  /** What the person said about their situation, kept for this conversation only. */
  situation?: PersonFacts;
  /** The eligibility check under way: its answers (criterion → yes/no/unknown) and mode. */
  eligibilityCheck?: EligibilityCheckState;
  /** A request for a diagnosis being filled in (personal data: kept only until sent, erased on request). */
  requestDraft?: RequestDraftState;
  /** The last message that made a feature start over with new facts (the same message does not do it twice). */
  lastRestart?: string;
  /** What was answered just before the menu came back, when « et au Lamentin ? » asks it again for another place (the figures). */
  lastAnswer?: LastAnswer;
  /** The place and kinds of the last figures given: « et les ACI ? », « et au Robert ? » right after change one of them. */
  lastFigures?: { place: Place; kinds: StructureKind[] };
  /** A message understood with doubt, waiting for the person to pick what they meant. */
  pendingUnderstood?: { understood: UnderstoodMessage; text: string };
  /** Requests proved with their reference and code here (`suivre ma demande`): shown and erased like the person's own. */
  provenRequests?: Array<{ reference: string; organisationId: string }>;
  /** Wrong follow-up attempts in this conversation (limited). */
  followUpAttempts?: number;
  /** An adviser acting for a candidate (« vérifier l'éligibilité d'un candidat »): questions and results in the third person. */
  forCandidate?: boolean;
  /** The last eligibility result, carried to a search or a request. */
  eligibility?: { asOf: string; rulesVersion: string; counted: string[]; eligibleKinds: string[] };
}

/** Facts about the person, each as they answered it; unknown facts are absent. */
export interface PersonFacts {
  age?: number;
  birthDate?: string;
  /** Criterion key → the person's answer. */
  criteria?: Record<string, 'yes' | 'no' | 'unknown'>;
  registrationMonths?: number;
  /** Answer to "RSA, ASS or AAH?" asked as one question (which one is not known). */
  minima?: 'yes' | 'no' | 'unknown';
}

export function sessionAccessor(conversationState: ConversationState): StatePropertyAccessor<ConversationSession> {
  return conversationState.createProperty<ConversationSession>('session');
}

const SESSION_KEY = Symbol('guichet.session');

/** Called once per turn by the root dialog with the loaded session. */
export function setTurnSession(context: TurnContext, session: ConversationSession): void {
  context.turnState.set(SESSION_KEY, session);
}

const WELCOMED_KEY = Symbol('guichet.welcomedThisTurn');

/** Called by the root dialog when it sends the welcome, which says hello. */
export function markWelcomedThisTurn(context: TurnContext): void {
  context.turnState.set(WELCOMED_KEY, true);
}

/** Whether this turn already said hello (« bonjour » as a first message gets one hello, not two). */
export function welcomedThisTurn(context: TurnContext): boolean {
  return context.turnState.get(WELCOMED_KEY) === true;
}

/** This conversation's session; changes are saved at the end of the turn. */
export function sessionOf(context: TurnContext): ConversationSession {
  let session = context.turnState.get(SESSION_KEY) as ConversationSession | undefined;
  if (!session) {
    session = {};
    setTurnSession(context, session);
  }
  return session;
}

/** The i18next options of this conversation's reader: an adviser for a candidate reads a key's `_adviser` context (the third person). */
export function readerOptions(context: TurnContext): { context?: 'adviser' } {
  return sessionOf(context).forCandidate ? { context: 'adviser' } : {};
}
