import type { z } from 'zod';
import { describeIssues } from './fields';

/**
 * Thrown by the parsers when an answer's Data does not have the shape the client relies on;
 * the client turns it into a BadResponseError (kind 'schema') with the endpoint and excerpt.
 */
export class SchemaMismatch extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'SchemaMismatch';
  }

  static from(error: z.ZodError): SchemaMismatch {
    return new SchemaMismatch(describeIssues(error));
  }
}

/** Runs a zod schema and reports its first problems as a SchemaMismatch. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw SchemaMismatch.from(result.error);

  return result.data;
}

/** List endpoints sometimes answer `Data: null` for "nothing"; that is an empty list. */
export function listData(data: unknown): unknown {
  return data === null || data === undefined ? [] : data;
}
