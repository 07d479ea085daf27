import type {
  IdempotencyConflictError,
  LineMismatch,
  NotAuthorizedError,
  OrphanedReceiveError,
  PartialReceiveError,
  ReceiveOutcomeUnknownError,
} from '../receive';
import { builder } from './builder';
import { MismatchFieldEnum, ReceiptStatusEnum } from './receive-enums';
import { ErrorRef } from './receive-error';

/**
 * What a receive can end in once it was sent, or why it was not run for this key: found in
 * part, never found, found nowhere past the horizon, a key already bound to another input, or
 * a caller that may not receive here.
 */

export const OrphanedReceiveErrorRef = builder
  .objectRef<OrphanedReceiveError>('OrphanedReceiveError')
  .implement({
    description:
      'The upstream accepted the receive (it answered a history id) but none of its packages ' +
      'exist long after the write.',
    interfaces: [ErrorRef],
    fields: (t) => ({
      locId: t.exposeInt('locId'),
      // Always known here, but nullable like every other member's, so the selections merge.
      receiveHistoryId: t.exposeInt('receiveHistoryId', { nullable: true }),
      labelsChecked: t.exposeStringList('labelsChecked'),
      likelyCause: t.exposeString('likelyCause'),
    }),
  });

const MissingLineRef = builder
  .objectRef<PartialReceiveError['missing'][number]>('MissingReceiveLine')
  .implement({
    fields: (t) => ({
      path: t.exposeString('path', { description: 'The line, e.g. `lines.2`.' }),
      packageId: t.exposeString('packageId'),
    }),
  });

const LineMismatchRef = builder.objectRef<LineMismatch>('LineMismatch').implement({
  fields: (t) => ({
    path: t.exposeString('path'),
    packageId: t.exposeString('packageId'),
    field: t.expose('field', { type: MismatchFieldEnum }),
    expected: t.exposeString('expected', { description: 'As sent.' }),
    actual: t.exposeString('actual', { description: 'As read back.' }),
  }),
});

export const PartialReceiveErrorRef = builder
  .objectRef<PartialReceiveError>('PartialReceiveError')
  .implement({
    description:
      'The receive landed in part: some packages verified, others missing or different from ' +
      'what was sent (the upstream accepts partial receives silently).',
    interfaces: [ErrorRef],
    fields: (t) => ({
      locId: t.exposeInt('locId'),
      receiveHistoryId: t.exposeInt('receiveHistoryId', { nullable: true }),
      verified: t.exposeStringList('verified', { description: 'Labels found as sent.' }),
      missing: t.field({ type: [MissingLineRef], resolve: (error) => error.missing }),
      mismatched: t.field({ type: [LineMismatchRef], resolve: (error) => error.mismatched }),
    }),
  });

export const ReceiveOutcomeUnknownErrorRef = builder
  .objectRef<ReceiveOutcomeUnknownError>('ReceiveOutcomeUnknownError')
  .implement({
    description:
      'The receive was sent but could not be confirmed within the verification window (its ' +
      'answer was lost, or reads lag): repeat the key or reverify; never resend under a new key.',
    interfaces: [ErrorRef],
    fields: (t) => ({
      locId: t.exposeInt('locId'),
      receiveHistoryId: t.exposeInt('receiveHistoryId', {
        nullable: true,
        description: "Null when the upstream's answer never arrived.",
      }),
      labelsChecked: t.exposeStringList('labelsChecked'),
      reads: t.exposeInt('reads'),
      checkedForSeconds: t.exposeInt('checkedForSeconds'),
    }),
  });

export const IdempotencyConflictErrorRef = builder
  .objectRef<IdempotencyConflictError>('IdempotencyConflictError')
  .implement({
    description: 'The idempotency key was first used for a different input.',
    interfaces: [ErrorRef],
    fields: (t) => ({
      idempotencyKey: t.exposeString('idempotencyKey'),
      firstUsedAt: t.field({ type: 'DateTime', resolve: (error) => error.firstUsedAt }),
      status: t.field({
        type: ReceiptStatusEnum,
        description: 'Where the first use stands.',
        resolve: (error) => error.status as (typeof ReceiptStatusEnum)['$inferType'],
      }),
    }),
  });

export const NotAuthorizedErrorRef = builder
  .objectRef<NotAuthorizedError>('NotAuthorizedError')
  .implement({
    description: 'The caller may not receive inventory at this location.',
    interfaces: [ErrorRef],
    fields: (t) => ({
      actor: t.exposeString('actor', {
        nullable: true,
        description: "The API key's name; null for an anonymous caller.",
      }),
      // Not `locId`: that is non-null on every other member, and a nullable one would not merge.
      deniedLocId: t.int({
        nullable: true,
        description: 'The LocId the caller was refused at; null when the refusal is not about one.',
        resolve: (error) => error.locId,
      }),
    }),
  });
