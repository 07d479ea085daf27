import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printSchemaSdl } from '../../src/schema/index';

const committed = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

describe('the committed schema', () => {
  it('is the sorted printed schema of the code (run `npm run codegen` after a change)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(printSchemaSdl());
  });

  it('declares the federation keys of every entity', () => {
    const sdl = printSchemaSdl();

    expect(sdl).toContain('type Location implements Node @key(fields: "locId")');
    expect(sdl).toContain('type Product implements Node @key(fields: "lspId productId")');
    expect(sdl).toContain('type Package implements Node @key(fields: "locId packageId")');
    expect(sdl).toContain('type Vendor implements Node @key(fields: "locId vendorId")');
    expect(sdl).toContain('type Room implements Node @key(fields: "locId roomId")');
  });
});
