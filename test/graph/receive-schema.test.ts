import {
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLUnionType,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSchemaSdl, schema } from '../../src/schema/index';

const RESULT_MEMBERS = [
  'DuplicatePackageError',
  'IdempotencyConflictError',
  'LocationNotWritableError',
  'NotAuthorizedError',
  'OrphanRiskError',
  'OrphanedReceiveError',
  'PartialReceiveError',
  'ProductNotFoundError',
  'RateLimitedError',
  'ReceiveInventoryPlan',
  'ReceiveInventorySuccess',
  'ReceiveOutcomeUnknownError',
  'UpstreamRejectedError',
  'UpstreamSqlError',
  'UpstreamUnavailableError',
  'ValidationError',
  'VendorNotFoundError',
];

function named<T extends GraphQLNamedType>(name: string, kind: new (...args: never[]) => T): T {
  const type = schema.getType(name);
  if (!(type instanceof kind)) throw new Error(`${name} is not a ${kind.name}`);

  return type;
}

const membersOf = (union: string) =>
  named(union, GraphQLUnionType)
    .getTypes()
    .map((type) => type.name)
    .sort();

describe('the receive schema', () => {
  it('ReceiveInventoryResult has exactly its seventeen members', () => {
    expect(membersOf('ReceiveInventoryResult')).toEqual(RESULT_MEMBERS);
  });

  it('every member but the success and the plan implements Error { message code hint }', () => {
    const errors = RESULT_MEMBERS.filter((name) => !name.startsWith('ReceiveInventory'));
    const implementers = schema
      .getImplementations(named('Error', GraphQLInterfaceType))
      .objects.map((type) => type.name);

    expect(Object.keys(named('Error', GraphQLInterfaceType).getFields()).sort()).toEqual([
      'code',
      'hint',
      'message',
    ]);
    for (const name of errors) expect(implementers).toContain(name);
    expect(implementers).not.toContain('ReceiveInventorySuccess');
    expect(implementers).not.toContain('ReceiveInventoryPlan');
  });

  it('reverifyReceipt answers the same members plus ReceiptNotFoundError', () => {
    expect(membersOf('ReverifyReceiptResult')).toEqual(
      [...RESULT_MEMBERS, 'ReceiptNotFoundError'].sort(),
    );
  });

  it('declares the mutations and the receipts connection with their arguments', () => {
    const sdl = printSchemaSdl();

    expect(sdl).toContain(
      'receiveInventory(input: ReceiveInventoryInput!): ReceiveInventoryResult!',
    );
    expect(sdl).toContain('reverifyReceipt(idempotencyKey: String!): ReverifyReceiptResult!');
    const receipts = named('Query', GraphQLObjectType).getFields().receipts;
    expect(String(receipts.type)).toBe('ReceiptConnection!');
    expect(receipts.args.map((arg) => `${arg.name}: ${arg.type}`).sort()).toEqual([
      'after: String',
      'first: Int',
      'locId: Int',
      'status: [ReceiptStatus!]',
    ]);
  });

  it('ReceiveInventoryInput and its lines have exactly the fields of the contract, quantities as Decimal', () => {
    const fields = (name: string) =>
      Object.values(named(name, GraphQLInputObjectType).getFields())
        .map((field) => `${field.name}: ${field.type}`)
        .sort();

    expect(fields('ReceiveInventoryInput')).toEqual([
      'deliveredBy: String',
      'deliveredOn: DateTime',
      'dryRun: Boolean',
      'idempotencyKey: String!',
      'invoiceNumber: String',
      'lines: [ReceiveLineInput!]!',
      'locId: Int!',
      'note: String',
      'receiveType: ReceiveType',
      'receivedBy: String',
      'roomId: Int!',
      'title: String',
      'vendorId: Int!',
    ]);
    expect(fields('ReceiveLineInput')).toEqual([
      'batchName: String',
      'expirationDate: String',
      'packageId: String!',
      'productId: Int',
      'quantity: Decimal!',
      'roomId: Int',
      'sku: String',
      'unitCost: Decimal!',
      'unitId: Int',
    ]);
    const input = named('ReceiveInventoryInput', GraphQLInputObjectType).getFields();
    expect(input.receiveType.defaultValue).toBe('PURCHASE');
    expect(input.dryRun.defaultValue).toBe(false);
  });
});
