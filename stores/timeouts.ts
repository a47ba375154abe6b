/** A store operation that did not answer in time (the store is down or overloaded). */
export class StoreTimeoutError extends Error {
  readonly code = 'STORE_TIMEOUT';
  constructor(readonly operation: string, readonly ms: number) {
    super(`store ${operation} did not answer within ${ms} ms`);
    this.name = 'StoreTimeoutError';
  }
}

/** True for an error that means "the store is not answering", not a bug. */
export function isStoreUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const name = String((e as { name?: unknown }).name ?? '');
    if (name === 'StoreTimeoutError' || name === 'RequestStoreError' || name.startsWith('Mongo')) return true;
  }
  return false;
}

/**
 * The same object, but every method that returns a promise fails with StoreTimeoutError when it
 * has not settled after `ms`. The operation itself goes on (a driver cannot be interrupted); the
 * turn does not wait for it.
 */
export function withTimeout<T extends object>(target: T, ms: number, name: string): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = value.apply(object, args);
        if (!(result instanceof Promise)) return result;
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new StoreTimeoutError(`${name}.${String(property)}`, ms)), ms);
        });
        return Promise.race([result, late]).finally(() => clearTimeout(timer));
      };
    },
  });
}
