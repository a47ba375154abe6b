import type { TurnContext } from 'botbuilder';

const CLIENT_ADDRESS_KEY = Symbol('guichet.clientAddress');

/**
 * The client address of the HTTP request a turn came from, kept in the turn's state for the
 * per-address limits on follow-up checks and request submissions (bot/rateLimits.ts). Set by the
 * HTTP routes before the turn runs; absent outside an HTTP request (tests, proactive messages).
 */
export function turnClientAddress(context: TurnContext): string | undefined {
  return context.turnState.get(CLIENT_ADDRESS_KEY) as string | undefined;
}

/**
 * The turn logic, with `address` set as the turn's client address first. (It was an
 * AsyncLocalStorage: that turns Node's promise hooks on for every promise of the process, a cost
 * paid on every turn.)
 */
export function forClient<T>(address: string, logic: (context: TurnContext) => Promise<T>): (context: TurnContext) => Promise<T> {
  return (context) => {
    context.turnState.set(CLIENT_ADDRESS_KEY, address);
    return logic(context);
  };
}
