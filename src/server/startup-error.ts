import { ConfigError } from './config';

/**
 * The one message a failed start prints. Configuration problems are already a readable list;
 * a taken port names the variable that moves it. Messages only: a stack helps nobody here, and
 * no error built by this project carries a secret in its message.
 */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;

  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'EADDRINUSE')
    return `${message}\nAnother process holds that port: set PORT (or SANDBOX_PORT) to a free one.`;

  return code ? `${message} (${code})` : message;
}
