/**
 * How a feature hands the person over to another one when it ends ("find a structure" after an
 * eligibility check): it ends with this result and the menu starts the next dialog with the options,
 * so what is known is carried over.
 */
export interface Handoff {
  handoff: { dialogId: string; options?: object };
}

export function handoff(dialogId: string, options?: object): Handoff {
  return { handoff: { dialogId, options } };
}

export function isHandoff(result: unknown): result is Handoff {
  return (
    typeof result === 'object' &&
    result !== null &&
    typeof (result as Partial<Handoff>).handoff?.dialogId === 'string'
  );
}
