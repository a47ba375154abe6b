import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';

/**
 * A MemoryStorage that a test can make slow (every operation waits) or dead (operations never
 * settle), to play a store that is overloaded or down, then bring back.
 */
export class SwitchableStorage implements Storage {
  readonly inner = new MemoryStorage();
  mode: 'up' | 'down' | { delayMs: number } = 'up';

  private async gate(): Promise<void> {
    const mode = this.mode;
    if (mode === 'down') await new Promise<never>(() => undefined);
    if (typeof mode === 'object') await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
  }

  async read(keys: string[]): Promise<StoreItems> {
    await this.gate();
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    await this.gate();
    return this.inner.write(changes);
  }

  async delete(keys: string[]): Promise<void> {
    await this.gate();
    return this.inner.delete(keys);
  }
}
