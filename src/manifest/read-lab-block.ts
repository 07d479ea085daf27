import type { LabResultEntry, LabStatus, PotencyReading } from './manifest-types';
import { readLabStatus } from './lab-status';
import { isRecord, lowerKeys } from './lower-keys';
import { NoteCollector, read, show, type Read } from './read-result';
import { readOptionalDecimal } from './tolerant-decimal';
import { readDate, readId, readLowerText, readText, readUrl } from './tolerant-text';

/** `lab_result_data` as sent, after tolerant reading; combined with the item's own fields later. */
export interface LabBlock {
  resultId: string | null;
  status: LabStatus | null;
  detailUrl: string | null;
  coaUrl: string | null;
  results: LabResultEntry[];
  potency: PotencyReading[];
}

/**
 * The spec allows `lab_result_data` to be null, and every part of it arrives null or missing
 * in real files, so nothing here refuses: lab data never blocks a receive, it only warns.
 */
export function readLabBlock(value: unknown): Read<LabBlock | null> {
  if (value === undefined || value === null) return read(null);
  if (!isRecord(value)) {
    return read(null, {
      code: 'LAB_BLOCK_UNREADABLE',
      fragment: `should be an object (got ${show(value)}); read as no lab data`,
    });
  }

  const block = lowerKeys(value) as Record<string, unknown>;
  const fields = new NoteCollector();

  return fields.result<LabBlock>({
    resultId: fields.take(readId(block.lab_result_id), 'lab_result_id'),
    status: fields.take(readLabStatus(block.lab_result_status), 'lab_result_status'),
    detailUrl: fields.take(readUrl(block.lab_result_detail), 'lab_result_detail'),
    coaUrl: fields.take(readUrl(block.coa), 'coa'),
    results: fields.take(readList(block.lab_result_list, readResultEntry), 'lab_result_list'),
    potency: fields.take(readList(block.potency, readPotency), 'potency'),
  });
}

/** A list whose elements are read one by one; elements that are not objects are dropped. */
function readList<T>(value: unknown, readOne: (entry: Record<string, unknown>) => Read<T>) {
  if (value === undefined || value === null) return read<T[]>([]);
  if (!Array.isArray(value)) {
    return read<T[]>([], {
      code: 'LIST_UNREADABLE',
      fragment: `should be a list (got ${show(value)})`,
    });
  }

  const list = new NoteCollector();
  const entries: T[] = [];

  value.forEach((entry, index) => {
    if (!isRecord(entry)) {
      const fragment = `should be an object (got ${show(entry)}); left out`;
      list.add({ code: 'LIST_UNREADABLE', path: `[${index}]`, fragment });

      return;
    }

    entries.push(list.take(readOne(lowerKeys(entry) as Record<string, unknown>), `[${index}]`));
  });

  return list.result(entries);
}

function readResultEntry(entry: Record<string, unknown>): Read<LabResultEntry> {
  const fields = new NoteCollector();

  return fields.result<LabResultEntry>({
    resultId: fields.take(readId(entry.lab_result_id), 'lab_result_id'),
    status: fields.take(readLabStatus(entry.lab_result_status), 'lab_result_status'),
    coaUrl: fields.take(readUrl(entry.coa), 'coa'),
    resultUrl: fields.take(readUrl(entry.lab_result_link), 'lab_result_link'),
    releaseDate: fields.take(readDate(entry.coa_release_date), 'coa_release_date'),
    amendedDate: fields.take(readDate(entry.coa_amended_date), 'coa_amended_date'),
    expireDate: fields.take(readDate(entry.coa_expire_date), 'coa_expire_date'),
  });
}

function readPotency(entry: Record<string, unknown>): Read<PotencyReading> {
  const fields = new NoteCollector();

  return fields.result<PotencyReading>({
    type: fields.take(readText(entry.type), 'type'),
    value: fields.take(readOptionalDecimal(entry.value), 'value'),
    // Not checked against the spec's unit list: cannabinoids come in 'pct', terpenes in 'ppm'.
    unit: fields.take(readLowerText(entry.unit), 'unit'),
  });
}
