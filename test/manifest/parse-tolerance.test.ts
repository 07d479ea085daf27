import { describe, expect, it } from 'vitest';
import { parseManifest, parseManifestJson } from '../../src/manifest';
import type { ManifestItem, ParseManifestResult, ParsedManifest } from '../../src/manifest';
import { itemDocument, manifestDocument } from './support/documents';
import { clone, fixtureDocument, parsedFixture } from './support/fixtures';

function accepted(result: ParseManifestResult) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);

  return result;
}

function firstItem(
  item: Record<string, unknown>,
  header: Record<string, unknown> = {},
): ManifestItem {
  return accepted(parseManifest(manifestDocument(item, header))).manifest.items[0];
}

function manifestWith(header: Record<string, unknown>): ParsedManifest {
  return accepted(parseManifest(manifestDocument({}, header))).manifest;
}

describe('tolerant reading of what real senders send', () => {
  it('accepts either document name, and warns about a third', () => {
    for (const name of ['WCIA Transfer Schema', 'WCIA Transfer Data Schema']) {
      expect(
        accepted(parseManifest(manifestDocument({}, { document_name: name }))).warnings,
      ).toEqual([]);
    }

    const other = accepted(parseManifest(manifestDocument({}, { document_name: 'Transfer' })));
    expect(other.warnings.map((warning) => warning.code)).toEqual(['DOCUMENT_NAME_UNKNOWN']);
  });

  it('reads "passed", "pass", "PASS" and true as pass, "failed" and "fail" as fail', () => {
    for (const word of ['passed', 'pass', 'PASS', true]) {
      expect(firstItem({ lab_result_passed: word, lab_result_data: null }).lab.status).toBe('pass');
    }

    for (const word of ['failed', 'fail']) {
      expect(firstItem({ lab_result_passed: word, lab_result_data: null }).lab.status).toBe('fail');
    }
  });

  it('reads an unknown lab word as unknown, with a warning naming the line and the word', () => {
    const result = accepted(
      parseManifest(manifestDocument({ lab_result_passed: 'pending', lab_result_data: null })),
    );

    expect(result.manifest.items[0].lab.status).toBeNull();
    expect(result.warnings).toEqual([
      {
        code: 'LAB_STATUS_UNREADABLE',
        message: "line 0 lab_result_passed 'pending' is neither pass nor fail; read as unknown",
        path: '$.inventory_transfer_items[0].lab_result_passed',
        lines: [0],
      },
    ]);
  });

  it('reads 0/1 flags sent as strings, numbers or booleans', () => {
    for (const yes of ['1', 1, true, 'true', ' 1 '])
      expect(firstItem({ is_sample: yes }).isSample).toBe(true);
    for (const no of ['0', 0, false, 'false', null, ''])
      expect(firstItem({ is_sample: no }).isSample).toBe(false);

    expect(firstItem({ is_medical: '1', is_for_extraction: 0 })).toMatchObject({
      isMedical: true,
      isForExtraction: false,
    });
  });

  it('reads a flag it cannot as not set, with a warning', () => {
    const result = accepted(parseManifest(manifestDocument({ is_sample: 'maybe' })));

    expect(result.manifest.items[0].isSample).toBe(false);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['FLAG_UNREADABLE']);
  });

  it('reads numbers sent as numeric strings, currency text or JSON numbers, exactly', () => {
    const item = firstItem({ qty: '10.00', line_price: '$1,234.50', unit_weight: '3.75' });

    expect(item.quantity.toFixed()).toBe('10');
    expect(item.linePrice?.toFixed()).toBe('1234.5');
    expect(item.unitWeight?.toFixed()).toBe('3.75');
    expect(firstItem({ qty: 0.1, line_price: 87.5 }).quantity.plus(0.2).toFixed()).toBe('0.3');
  });

  it('keeps potency units outside the spec list and numeric-string values', () => {
    const item = firstItem({
      lab_result_data: {
        potency: [
          { type: 'total-thc', value: '86.40', unit: 'pct' },
          { type: 'myrcene', value: 120, unit: 'PPM' },
          { type: 'lead', value: 'n/a', unit: 'ppm' },
        ],
      },
    });

    expect(item.lab.potency.map((p) => [p.type, p.value?.toFixed() ?? null, p.unit])).toEqual([
      ['total-thc', '86.4', 'pct'],
      ['myrcene', '120', 'ppm'],
      ['lead', null, 'ppm'],
    ]);
  });

  it('accepts nulls where the spec expects values', () => {
    const result = accepted(
      parseManifest(
        manifestDocument(
          {
            product_name: null,
            strain_name: null,
            sample_type: null,
            uom: null,
            unit_weight: null,
            unit_weight_uom: null,
            lab_result_passed: null,
            lab_result_link: null,
          },
          {
            from_license_name: null,
            to_license_type: null,
            transporter_name: null,
            created_at: null,
            manifest_type: null,
          },
        ),
      ),
    );

    expect(result.manifest.items[0]).toMatchObject({ productName: null, strain: null, uom: null });
    expect(result.manifest.sender.name).toBeNull();
    expect(result.warnings.map((warning) => warning.code)).toEqual(['PRODUCT_NAME_MISSING']);
  });

  it('reads item-level external_id and integrator_data, and either root id', () => {
    expect(firstItem({ external_id: 'WY.IN1', integrator_data: 'C501X' })).toMatchObject({
      externalId: 'WY.IN1',
      integratorData: 'C501X',
    });
    expect(manifestWith({ integrator_data: 'WY.TR1' }).externalId).toBe('WY.TR1');
    expect(manifestWith({ external_id: '0000020830' }).externalId).toBe('0000020830');
    expect(manifestWith({ integrator_data: 'new', external_id: 'old' }).externalId).toBe('new');
  });

  it('reads a lab block that is null, missing or not an object as no lab data', () => {
    const { lab_result_data: _dropped, ...withoutBlock } = itemDocument({
      lab_result_passed: null,
    });

    const nullBlock = itemDocument({ lab_result_data: null, lab_result_passed: null });

    for (const item of [nullBlock, withoutBlock]) {
      const document = { ...manifestDocument(), inventory_transfer_items: [item] };
      const result = accepted(parseManifest(document));
      expect(result.manifest.items[0].lab).toEqual({
        status: null,
        resultId: null,
        coaUrl: null,
        resultUrl: null,
        results: [],
        potency: [],
      });
      expect(result.warnings).toEqual([]);
    }

    const odd = accepted(parseManifest(manifestDocument({ lab_result_data: 'see COA' })));
    expect(odd.warnings.map((warning) => warning.code)).toEqual(['LAB_BLOCK_UNREADABLE']);
  });

  it("reads 1.0's product_price as the line total, and line_price first when both are there", () => {
    const result = accepted(parseManifest(fixtureDocument('swallowtail-1.0.0.0')));

    expect(result.manifest.items.map((item) => item.linePrice?.toFixed())).toEqual([
      '1906.13',
      '476',
      '238',
      '600',
      '0',
    ]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'PRODUCT_PRICE_AS_LINE_TOTAL', lines: [0, 1, 2, 3, 4] }),
    ]);
    expect(firstItem({ line_price: 10, product_price: 99 }).linePrice?.toFixed()).toBe('10');
  });

  it('reads the capitalised lab keys of 1.x and its 4-digit version', () => {
    const { manifest } = parsedFixture('swallowtail-1.0.0.0');

    expect(manifest.version).toBe('1.0.0.0');
    expect(manifest.items[0].lab).toMatchObject({
      status: 'pass',
      resultId: 'LR-261118-031',
      coaUrl: 'https://lab.example.org/coa/LR-261118-031.pdf',
      resultUrl: 'https://lab.example.org/wcia/results/LR-261118-031.json',
    });
    expect(manifest.items[0].lab.potency.map((p) => p.value?.toFixed())).toEqual([
      '0.9',
      '24.1',
      '25.8',
    ]);
  });

  it('reads 2.1.0 lab_result_list entries with their COA dates', () => {
    const { manifest } = parsedFixture('stiiizy-2.1.0');

    expect(manifest.items[2].lab.results).toEqual([
      expect.objectContaining({
        resultId: 'WA-261120-013',
        status: 'pass',
        expireDate: '2027-11-21',
      }),
      expect.objectContaining({
        resultId: 'WA-261128-004',
        status: 'fail',
        amendedDate: '2026-11-30',
      }),
    ]);
    expect(manifest.items[2].lab.status).toBe('fail');
  });

  it('ignores unknown extra keys at every level', () => {
    const item = firstItem({
      sample_collection_date: '2026-11-20',
      vendor_notes: { any: ['thing'] },
      lab_result_data: { coa: 'https://x.example/c.pdf', lab_result_status: 'pass', extra: 1 },
    });

    expect(item.lab.coaUrl).toBe('https://x.example/c.pdf');
    expect(Object.keys(item)).not.toContain('vendor_notes');
    expect(manifestWith({ route: 'a\nb', sender_crm_id: 42 }).transferId).toBe('STZ-TR-1');
  });

  it('trims padded names and reads "" as absent', () => {
    const manifest = manifestWith({
      transporter_name: 'Acme Logistics        ',
      from_license_name: '  Stiiizy ',
    });

    expect(manifest.transporter.name).toBe('Acme Logistics');
    expect(manifest.sender.name).toBe('Stiiizy');
    expect(firstItem({ strain_name: 'OG Kush   ', product_sku: '' })).toMatchObject({
      strain: 'OG Kush',
      productSku: null,
    });
  });

  it('reads ids sent as JSON numbers as text, and warns when digits were lost', () => {
    const safe = accepted(
      parseManifest(manifestDocument({ inventory_id: 1234567 }, { transfer_id: 88213 })),
    );
    expect(safe.manifest.transferId).toBe('88213');
    expect(safe.manifest.items[0].inventoryId).toBe('1234567');
    expect(safe.warnings).toEqual([]);

    const lossy = accepted(
      parseManifestJson(
        JSON.stringify(manifestDocument()).replace('"15410167200699001"', '15410167200699001'),
      ),
    );
    expect(lossy.warnings.map((warning) => warning.code)).toEqual(['ID_PRECISION_LOST']);
  });

  it('accepts units outside the spec list with a warning, and spelled-out units without', () => {
    expect(firstItem({ uom: 'EACH' }).uom).toBe('ea');
    expect(firstItem({ uom: 'grams' }).uom).toBe('g');

    const result = accepted(parseManifest(manifestDocument({ uom: 'case' })));
    expect(result.manifest.items[0].uom).toBe('case');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['UOM_UNKNOWN']);
  });

  it('keeps ISO 8601 dates with either offset style and warns about others', () => {
    expect(manifestWith({ created_at: '2025-03-12T15:21:35+0000' }).dates.createdAt).toBe(
      '2025-03-12T15:21:35+0000',
    );

    const result = accepted(
      parseManifest(manifestDocument({}, { est_arrival_at: '03/13/2025 2:00 PM' })),
    );
    expect(result.manifest.dates.estArrivalAt).toBeNull();
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'DATE_NOT_ISO', path: '$.est_arrival_at' }),
    ]);
  });

  it('warns about a version it does not know or a missing one, and still reads the document', () => {
    const newer = accepted(
      parseManifest(manifestDocument({}, { document_schema_version: '2.2.0' })),
    );
    const missing = accepted(
      parseManifest(manifestDocument({}, { document_schema_version: undefined })),
    );

    expect(newer.warnings.map((warning) => warning.code)).toEqual(['VERSION_UNKNOWN']);
    expect(missing.warnings.map((warning) => warning.code)).toEqual(['VERSION_MISSING']);
    expect(newer.manifest.items).toHaveLength(1);
  });

  it('reads a missing price on a sample as 0 and on another line as unknown, with a warning', () => {
    const sample = accepted(parseManifest(manifestDocument({ is_sample: '1', line_price: null })));
    const line = accepted(parseManifest(manifestDocument({ line_price: undefined })));

    expect(sample.manifest.items[0].linePrice?.toFixed()).toBe('0');
    expect(sample.warnings).toEqual([]);
    expect(line.manifest.items[0].linePrice).toBeNull();
    expect(line.warnings.map((warning) => warning.code)).toEqual(['PRICE_MISSING']);
  });

  it('does not change the document it reads', () => {
    const document = fixtureDocument('stiiizy-2.1.0');
    const before = clone(document);

    parseManifest(document);

    expect(document).toEqual(before);
  });

  it('treats a JSON key named __proto__ as a plain unknown key', () => {
    const text = JSON.stringify(manifestDocument()).replace(
      '"qty":50',
      '"__proto__":{"qty":1},"qty":50',
    );
    const result = accepted(parseManifestJson(text));

    expect(result.manifest.items[0].quantity.toFixed()).toBe('50');
  });
});
