import type { TurnContext } from 'botbuilder';

const TRANSCRIPT_KEPT_KEY = Symbol('guichet.transcriptKept');
const ERASE_TRANSCRIPT_KEY = Symbol('guichet.eraseTranscript');

/**
 * The bot's own web chat keeps the conversation's messages for the page to poll (bot/directline):
 * its adapter says so on every turn. Other channels keep their transcripts themselves (Teams, Azure
 * Bot Service's Web Chat), out of the bot's reach.
 */
export function markTranscriptKept(context: TurnContext): void {
  context.turnState.set(TRANSCRIPT_KEPT_KEY, true);
}

/** Whether the bot itself keeps this conversation's messages (they are personal data too). */
export function transcriptKept(context: TurnContext): boolean {
  return context.turnState.get(TRANSCRIPT_KEPT_KEY) === true;
}

/**
 * A person erased what they said: the kept messages go, up to and including the message of this
 * turn, once the turn is over (its answer stays). Ignored where the bot keeps no transcript.
 */
export function eraseTranscriptAfterTurn(context: TurnContext): void {
  context.turnState.set(ERASE_TRANSCRIPT_KEY, true);
}

/** Whether a dialog asked, this turn, for the conversation's kept messages to be forgotten. */
export function transcriptErasureAsked(context: TurnContext): boolean {
  return context.turnState.get(ERASE_TRANSCRIPT_KEY) === true;
}
