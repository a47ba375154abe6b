// The part of negotiator 1.x this project uses (its own package ships no types, and
// @types/negotiator describes 0.6, without the `preferred` option).
declare module 'negotiator' {
  class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** The client's most preferred of `available`; ties go to the first of `options.preferred`. */
    encoding(available: readonly string[], options?: { preferred?: readonly string[] }): string | undefined;
  }
  export = Negotiator;
}
