export type SandboxErrorCode =
  | 'SANDBOX_NON_LOOPBACK_HOST'
  | 'SANDBOX_BAD_CONFIG'
  | 'SANDBOX_UNKNOWN_LSP'
  | 'SANDBOX_BAD_PRODUCT';

/** A misuse of the sandbox by its caller (not an answer to an HTTP client). */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';
  readonly code: SandboxErrorCode;

  constructor(code: SandboxErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
