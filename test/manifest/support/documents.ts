/** A small valid 2.1.0 manifest with one Stiiizy line, for tests that bend one field at a time. */
export function manifestDocument(
  item: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
) {
  return {
    document_name: 'WCIA Transfer Schema',
    document_schema_version: '2.1.0',
    from_license_number: '00000158ESRK00842217',
    from_license_name: 'Stiiizy',
    to_license_number: '00000089DCQP00412778',
    to_license_name: 'Leaf Collective Arizona',
    manifest_type: 'delivery',
    created_at: '2026-12-02T15:21:35+00:00',
    transfer_id: 'STZ-TR-1',
    est_arrival_at: '2026-12-03T17:00:00+00:00',
    ...header,
    inventory_transfer_items: [itemDocument(item)],
  };
}

export function itemDocument(overrides: Record<string, unknown> = {}) {
  return {
    is_sample: '0',
    sample_type: null,
    product_name: 'Stiiizy - OG Kush Pod 0.5g',
    qty: 50,
    unit_weight: 0.5,
    line_price: 900,
    uom: 'ea',
    unit_weight_uom: 'g',
    inventory_id: '15410167200699001',
    lab_result_passed: 'pass',
    lab_result_link: null,
    lab_result_data: {
      lab_result_id: 'WA-261120-011',
      lab_result_status: 'pass',
      coa: 'https://files.example.com/coa/COA_1.pdf',
      potency: [{ type: 'total-thc', value: 86.4, unit: 'pct' }],
    },
    strain_name: 'OG Kush',
    product_sku: null,
    ...overrides,
  };
}
