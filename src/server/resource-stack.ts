import type { Logger } from '../util/logger';

/**
 * What start-up opened, closed in reverse order: the server before the services it calls, the
 * client before the sandbox it holds sockets to. A start that fails halfway closes what it had
 * opened, so a taken port never leaves a sandbox running.
 */
export class ResourceStack {
  private readonly closers: Array<{ name: string; close: () => unknown }> = [];

  constructor(private readonly logger: Logger) {}

  push(name: string, close: () => unknown): void {
    this.closers.push({ name, close });
  }

  /** Closes everything, newest first; one failure is logged and does not stop the rest. */
  async closeAll(): Promise<void> {
    while (this.closers.length > 0) {
      const { name, close } = this.closers.pop()!;
      try {
        await close();
      } catch (error) {
        this.logger.error({ err: error, resource: name }, 'closing failed');
      }
    }
  }
}
