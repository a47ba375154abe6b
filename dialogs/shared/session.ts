import type { ConversationState, StatePropertyAccessor } from 'botbuilder';

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
