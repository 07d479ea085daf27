/**
 * A caller handed the manifest functions inputs that cannot belong together (a catalog of
 * another LSP than the location's). Data problems in the manifest itself are never thrown:
 * they come back as problems, warnings or a refusal.
 */
export type ManifestInputErrorCode = 'CATALOG_NOT_FOR_LOCATION';

export class ManifestInputError extends Error {
  readonly code: ManifestInputErrorCode;

  constructor(code: ManifestInputErrorCode, message: string) {
    super(message);
    this.name = 'ManifestInputError';
    this.code = code;
  }
}
