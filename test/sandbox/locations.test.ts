import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LSP_FILTER_TRAP, SANDBOX_LOC_IDS, SEED_LSP_IDS, startSandbox } from '../../src/sandbox';
import { call, login } from './support/http';

const LOCATIONS = 'posv3/maintenance/GetLspLocationsBackend';

describe('GetLspLocationsBackend', async () => {
  const sandbox = await startSandbox();
  let session = '';
  beforeAll(async () => {
    session = await login(sandbox);
  });
  afterAll(() => sandbox.close());

  it('lists all 18 locations for an empty body, with the modelled row fields', async () => {
    const reply = await call(sandbox, session, LOCATIONS, {});
    const rows = reply.json.Data;

    expect(reply.json.Result).toBe(true);
    expect(rows).toHaveLength(18);
    expect(new Set(rows.map((row: any) => row.LocId)).size).toBe(18);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'CompanyType',
          'IsActive',
          'LicenseNumber',
          'LocId',
          'LocationName',
          'LspId',
          'LspName',
          'State',
        ].sort(),
      );
      expect(['Dispensary', 'Manufacturing']).toContain(row.CompanyType);
      expect(row.LicenseNumber).toMatch(/\S{6,}/);
    }

    const countsByLsp = Object.fromEntries(
      Object.values(SEED_LSP_IDS).map((lspId) => [
        lspId,
        rows.filter((row: any) => row.LspId === lspId).length,
      ]),
    );
    expect(countsByLsp).toEqual({ 575: 9, 576: 4, 805: 2, 820: 1, 723: 1, 901: 1 });
  });

  it('names exactly the three sandboxes "Sandbox"', async () => {
    const rows = (await call(sandbox, session, LOCATIONS, {})).json.Data;
    const sandboxes = rows.filter((row: any) => row.LocationName === 'Sandbox');

    expect(sandboxes.map((row: any) => [row.LocId, row.State, row.CompanyType])).toEqual([
      [SANDBOX_LOC_IDS.az, 'AZ', 'Dispensary'],
      [SANDBOX_LOC_IDS.il, 'IL', 'Manufacturing'],
      [SANDBOX_LOC_IDS.oh, 'OH', 'Dispensary'],
    ]);
  });

  it('with LspId 575 shows only the IL locations and hides the AZ sandbox (the trap)', async () => {
    const rows = (await call(sandbox, session, LOCATIONS, { LspId: 575 })).json.Data;

    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row: any) => row.State === 'IL')).toBe(true);
    expect(rows.map((row: any) => row.LocId)).not.toContain(SANDBOX_LOC_IDS.az);
  });

  it('takes the filter as a numeric string too', async () => {
    const rows = (await call(sandbox, session, LOCATIONS, { LspId: '575' })).json.Data;

    expect(rows.every((row: any) => row.State === 'IL')).toBe(true);
  });

  it('answers every LspId filter with the documented wrong LSP, never the full list', async () => {
    const all = (await call(sandbox, session, LOCATIONS, {})).json.Data;

    for (const lspId of Object.values(SEED_LSP_IDS)) {
      const rows = (await call(sandbox, session, LOCATIONS, { LspId: lspId })).json.Data;
      const expected = all.filter((row: any) => row.LspId === LSP_FILTER_TRAP[lspId]);

      expect(LSP_FILTER_TRAP[lspId]).not.toBe(lspId);
      expect(rows).toEqual(expected);
      expect(rows.length).toBeLessThan(18);
    }
  });

  it('answers an unknown LspId with an empty list', async () => {
    const reply = await call(sandbox, session, LOCATIONS, { LspId: 12345 });

    expect(reply.json).toEqual({ Result: true, Message: null, Data: [] });
  });
});
