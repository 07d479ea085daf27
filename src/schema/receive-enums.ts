import { RECEIVE_TYPES } from '../receive';
import { builder } from './builder';

/**
 * The enums of the receive result and its input. GraphQL names are upper case; each value maps
 * to the engine's own spelling, so resolvers hand the engine's values through unchanged.
 */

export const ReceiveTypeEnum = builder.enumType('ReceiveType', {
  description: 'Why the stock arrives. Recorded in the ledger; the upstream has no field for it.',
  values: RECEIVE_TYPES,
});

export const ReceiveStepEnum = builder.enumType('ReceiveStep', {
  description: 'Where a receive failed: the reads before the POST, the POST, or the read-back.',
  values: {
    PREFLIGHT: { value: 'preflight' },
    WRITE: { value: 'write' },
    VERIFY: { value: 'verify' },
  } as const,
});

export const LocationNotWritableReasonEnum = builder.enumType('LocationNotWritableReason', {
  values: {
    UNKNOWN_LOCATION: { value: 'unknown-location', description: 'The login does not see it.' },
    NOT_WRITABLE: { value: 'not-writable', description: 'Not among the writable LocIds.' },
  } as const,
});

export const RoomProblemReasonEnum = builder.enumType('RoomProblemReason', {
  values: {
    NO_ROOMS: { value: 'no-rooms', description: 'The location has no rooms at all.' },
    UNKNOWN_ROOM: { value: 'unknown-room', description: 'Not a room of this location.' },
    NOT_INVENTORY_ROOM: {
      value: 'not-inventory-room',
      description: "A room whose InventoryRoom is 'no' (e.g. a sales floor).",
    },
  } as const,
});

export const ProductProblemReasonEnum = builder.enumType('ProductProblemReason', {
  values: {
    UNKNOWN_PRODUCT: { value: 'unknown-product' },
    UNKNOWN_SKU: { value: 'unknown-sku' },
    AMBIGUOUS_SKU: { value: 'ambiguous-sku', description: 'Several products share the SKU.' },
  } as const,
});

export const DuplicateWhereEnum = builder.enumType('DuplicatePackageWhere', {
  values: {
    REQUEST: { value: 'request', description: 'Repeated among the lines of this receive.' },
    LOCATION: { value: 'location', description: 'Already a package at the location.' },
  } as const,
});

export const MismatchFieldEnum = builder.enumType('LineMismatchField', {
  values: {
    QUANTITY: { value: 'quantity' },
    ROOM: { value: 'room' },
    PRODUCT: { value: 'product' },
  } as const,
});

export const SqlErrorClassificationEnum = builder.enumType('SqlErrorClassification', {
  description: 'What kind of SQL Server error the upstream echoed; its text is never returned.',
  values: {
    TYPE_CONVERSION: { value: 'type-conversion', description: 'A value of the wrong type.' },
    MISSING_REFERENCE: {
      value: 'missing-reference',
      description: 'A FOREIGN KEY conflict: an id that has no row upstream.',
    },
    CONSTRAINT: { value: 'constraint', description: 'A key, CHECK or NOT NULL constraint.' },
    OTHER: { value: 'other' },
  } as const,
});

export const ReceiptStatusEnum = builder.enumType('ReceiptStatus', {
  description: 'Where a receipt stands in the ledger.',
  values: {
    PENDING: { value: 'pending', description: 'Claimed; the POST is in flight or was cut off.' },
    SUCCEEDED: { value: 'succeeded', description: 'Every package verified.' },
    FAILED: {
      value: 'failed',
      description: 'Refused before anything was written; the key may be used again.',
    },
    UNKNOWN: {
      value: 'unknown',
      description: 'Sent, but not (fully) confirmed: reverify it, never resend it.',
    },
  } as const,
});
