import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';

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
}

export function sessionAccessor(conversationState: ConversationState): StatePropertyAccessor<ConversationSession> {
  return conversationState.createProperty<ConversationSession>('session');
}

const SESSION_KEY = Symbol('guichet.session');

/** Called once per turn by the root dialog with the loaded session. */
export function setTurnSession(context: TurnContext, session: ConversationSession): void {
  context.turnState.set(SESSION_KEY, session);
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
