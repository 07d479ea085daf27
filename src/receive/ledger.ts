import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../util/clock';

/**
 * The receive ledger: one row per (upstream, idempotency key), written before the POST and
 * settled after it. It is what makes a receive happen at most once: an in-process single
 * flight keeps concurrent callers apart, and this row (taken inside a write transaction) keeps
 * processes apart. Rows are scoped by upstream identity, so a key is never replayed against
 * another upstream. The stored input is canonical and secret-free.
 */

export type ReceiptStatus = 'pending' | 'succeeded' | 'failed' | 'unknown';
export const RECEIPT_STATUSES: readonly ReceiptStatus[] = [
  'pending',
  'succeeded',
  'failed',
  'unknown',
];

export interface ReceiptEntry {
  seq: number;
  idempotencyKey: string;
  upstream: string;
  inputHash: string;
  /** Canonical input as JSON text. */
  canonicalInput: string;
  /** The stored request (`StoredRequest`: read scope and upstream body) as JSON text. */
  requestJson: string | null;
  actor: string | null;
  receiveType: string;
  receivedBy: string | null;
  locId: number;
  status: ReceiptStatus;
  /** The `__typename` of the stored result. */
  outcome: string | null;
  receiveHistoryId: number | null;
  resultJson: string | null;
  /** Receives POSTed for this key; above 1 only after a failure proved nothing was written. */
  attempts: number;
  createdAt: number;
  updatedAt: number;
  /** When the POST's answer came (or was given up on); null before any POST. */
  writtenAt: number | null;
}

export interface ReceiptClaim {
  idempotencyKey: string;
  inputHash: string;
  canonicalInput: string;
  requestJson: string | null;
  actor: string | null;
  receiveType: string;
  receivedBy: string | null;
  locId: number;
}

/** Another key's receive at the same location that holds a package label this claim sends. */
export interface HeldLabel {
  packageId: string;
  idempotencyKey: string;
  status: ReceiptStatus;
}

/**
 * The labels a claim sends, and when its preflight read the location's inventory: a receive
 * settled since then may have landed after that read, so its labels still count as taken.
 */
export interface LabelGuard {
  labels: readonly string[];
  inventoryReadAt: number;
}

export type ClaimResult =
  | { claimed: true }
  | { claimed: false; existing: ReceiptEntry }
  | { claimed: false; heldLabels: HeldLabel[] };

export interface ReceiptSettlement {
  status: Exclude<ReceiptStatus, 'pending'>;
  outcome: string;
  resultJson: string;
  receiveHistoryId?: number | null;
}

export interface ReceiptQuery {
  locId?: number;
  /** Only these LocIds (an API key's own); an empty list matches nothing. */
  locIds?: readonly number[];
  statuses?: readonly ReceiptStatus[];
  /** Newest first; at most this many. */
  first: number;
  /** The `seq` of the last row of the previous page. */
  afterSeq?: number;
}

export interface LedgerOptions {
  /** Directory of the durable ledger (created if missing); absent means in memory. */
  dataDir?: string;
  /** Whose receipts this ledger reads and writes. */
  upstream: string;
  clock: Clock;
}

export const LEDGER_FILE_NAME = 'receive-ledger.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS receipts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  upstream TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  input_hash TEXT NOT NULL,
  canonical_input TEXT NOT NULL,
  request_json TEXT,
  actor TEXT,
  receive_type TEXT NOT NULL,
  received_by TEXT,
  loc_id INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'unknown')),
  outcome TEXT,
  receive_history_id INTEGER,
  result_json TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  written_at INTEGER,
  UNIQUE (upstream, idempotency_key)
);
CREATE INDEX IF NOT EXISTS receipts_by_status ON receipts (upstream, status, seq);
CREATE INDEX IF NOT EXISTS receipts_by_location ON receipts (upstream, loc_id, seq);
`;

interface Row {
  seq: number;
  upstream: string;
  idempotency_key: string;
  input_hash: string;
  canonical_input: string;
  request_json: string | null;
  actor: string | null;
  receive_type: string;
  received_by: string | null;
  loc_id: number;
  status: ReceiptStatus;
  outcome: string | null;
  receive_history_id: number | null;
  result_json: string | null;
  attempts: number;
  created_at: number;
  updated_at: number;
  written_at: number | null;
}

export class ReceiptLedger {
  readonly upstream: string;
  readonly durable: boolean;
  private readonly db: Database.Database;
  private readonly clock: Clock;

  constructor(options: LedgerOptions) {
    this.upstream = options.upstream;
    this.clock = options.clock;
    this.durable = options.dataDir !== undefined;
    this.db = new Database(openPath(options.dataDir));
    // WAL lets a reader of the audit trail run beside a writer; busy_timeout makes a second
    // process wait for the write lock instead of failing its claim.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  find(idempotencyKey: string): ReceiptEntry | null {
    const row = this.db
      .prepare('SELECT * FROM receipts WHERE upstream = ? AND idempotency_key = ?')
      .get(this.upstream, idempotencyKey) as Row | undefined;

    return row ? toEntry(row) : null;
  }

  /**
   * Takes the key for a POST: inserts a pending row, or turns a failed one (nothing was written
   * for it) into pending for the new input. Any other existing row is handed back untouched;
   * the caller answers it as a replay, a conflict or a reconciliation. With a `guard`, a label
   * that another key's receive at the location holds refuses the claim (`heldLabels`) inside
   * the same write transaction, so two receives of one label never both reach the POST.
   */
  claim(claim: ReceiptClaim, guard?: LabelGuard): ClaimResult {
    const take = this.db.transaction((): ClaimResult => {
      const existing = this.find(claim.idempotencyKey);
      const now = this.clock.now();

      if (existing && existing.status !== 'failed') return { claimed: false, existing };

      const heldLabels = guard ? this.heldLabels(claim, guard) : [];
      if (heldLabels.length > 0) return { claimed: false, heldLabels };

      if (existing) {
        this.db
          .prepare(
            `UPDATE receipts SET input_hash = @inputHash, canonical_input = @canonicalInput,
               request_json = @requestJson, actor = @actor, receive_type = @receiveType,
               received_by = @receivedBy, loc_id = @locId, status = 'pending', outcome = NULL,
               receive_history_id = NULL, result_json = NULL, attempts = attempts + 1,
               updated_at = @now, written_at = NULL
             WHERE upstream = @upstream AND idempotency_key = @idempotencyKey`,
          )
          .run({ ...claim, upstream: this.upstream, now });

        return { claimed: true };
      }

      this.insert(claim, 'pending', 1, now);

      return { claimed: true };
    });

    return take.immediate();
  }

  /**
   * Records a failure that proves nothing was written (preflight, an upstream refusal), for the
   * audit trail. It never overwrites a row that is pending or settled otherwise: another caller
   * may own that key. Returns whether the row was written.
   */
  recordFailure(claim: ReceiptClaim, outcome: string, resultJson: string): boolean {
    const write = this.db.transaction((): boolean => {
      const existing = this.find(claim.idempotencyKey);
      const now = this.clock.now();

      if (existing && existing.status !== 'failed') return false;
      if (!existing) this.insert(claim, 'failed', 0, now);

      this.db
        .prepare(
          `UPDATE receipts SET input_hash = @inputHash, canonical_input = @canonicalInput,
             request_json = @requestJson, actor = @actor, receive_type = @receiveType,
             received_by = @receivedBy, loc_id = @locId, status = 'failed', outcome = @outcome,
             result_json = @resultJson, updated_at = @now
           WHERE upstream = @upstream AND idempotency_key = @idempotencyKey`,
        )
        .run({ ...claim, upstream: this.upstream, outcome, resultJson, now });

      return true;
    });

    return write.immediate();
  }

  /** The POST answered (with a history id) or was given up on (null): verification follows. */
  recordAnswer(idempotencyKey: string, receiveHistoryId: number | null): void {
    this.db
      .prepare(
        `UPDATE receipts SET receive_history_id = COALESCE(@receiveHistoryId, receive_history_id),
           written_at = @now, updated_at = @now
         WHERE upstream = @upstream AND idempotency_key = @idempotencyKey`,
      )
      .run({ idempotencyKey, receiveHistoryId, upstream: this.upstream, now: this.clock.now() });
  }

  settle(idempotencyKey: string, settlement: ReceiptSettlement): void {
    this.db
      .prepare(
        `UPDATE receipts SET status = @status, outcome = @outcome, result_json = @resultJson,
           receive_history_id = COALESCE(@receiveHistoryId, receive_history_id),
           written_at = COALESCE(written_at, @now), updated_at = @now
         WHERE upstream = @upstream AND idempotency_key = @idempotencyKey`,
      )
      .run({
        idempotencyKey,
        status: settlement.status,
        outcome: settlement.outcome,
        resultJson: settlement.resultJson,
        receiveHistoryId: settlement.receiveHistoryId ?? null,
        upstream: this.upstream,
        now: this.clock.now(),
      });
  }

  /** This upstream's receipts, newest first, for the audit trail. */
  list(query: ReceiptQuery): { entries: ReceiptEntry[]; hasNextPage: boolean } {
    const where = ['upstream = @upstream'];
    const params: Record<string, unknown> = { upstream: this.upstream, limit: query.first + 1 };

    if (query.locId !== undefined) {
      where.push('loc_id = @locId');
      params.locId = query.locId;
    }
    if (query.locIds !== undefined) {
      const names = query.locIds.map((locId, index) => {
        params[`loc${index}`] = locId;

        return `@loc${index}`;
      });
      where.push(names.length > 0 ? `loc_id IN (${names.join(', ')})` : '0');
    }
    if (query.statuses && query.statuses.length > 0) {
      const names = query.statuses.map((status, index) => {
        params[`status${index}`] = status;

        return `@status${index}`;
      });
      where.push(`status IN (${names.join(', ')})`);
    }
    if (query.afterSeq !== undefined) {
      where.push('seq < @afterSeq');
      params.afterSeq = query.afterSeq;
    }

    const rows = this.db
      .prepare(`SELECT * FROM receipts WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`)
      .all(params) as Row[];

    return {
      entries: rows.slice(0, query.first).map(toEntry),
      hasNextPage: rows.length > query.first,
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Labels of `guard` sent by other keys at the claim's location whose packages preflight's
   * inventory read may not have seen: receives in flight (pending), and those settled since
   * that read. Failed rows wrote nothing. An older unknown row is left to the operator, whose
   * documented way out is to check Backoffice and receive under a new key.
   */
  private heldLabels(claim: ReceiptClaim, guard: LabelGuard): HeldLabel[] {
    if (guard.labels.length === 0) return [];

    return this.db
      .prepare(
        `SELECT json_extract(line.value, '$.packageId') AS packageId,
           r.idempotency_key AS idempotencyKey, r.status AS status
         FROM receipts r, json_each(r.request_json, '$.body.products') line
         WHERE r.upstream = @upstream AND r.loc_id = @locId
           AND r.idempotency_key <> @idempotencyKey AND r.request_json IS NOT NULL
           AND (r.status = 'pending'
             OR (r.status IN ('succeeded', 'unknown') AND r.updated_at >= @since))
           AND json_extract(line.value, '$.packageId') IN (SELECT value FROM json_each(@labels))
         ORDER BY r.seq`,
      )
      .all({
        upstream: this.upstream,
        locId: claim.locId,
        idempotencyKey: claim.idempotencyKey,
        since: guard.inventoryReadAt,
        labels: JSON.stringify(guard.labels),
      }) as HeldLabel[];
  }

  private insert(claim: ReceiptClaim, status: ReceiptStatus, attempts: number, now: number): void {
    this.db
      .prepare(
        `INSERT INTO receipts (upstream, idempotency_key, input_hash, canonical_input, request_json,
           actor, receive_type, received_by, loc_id, status, attempts, created_at, updated_at)
         VALUES (@upstream, @idempotencyKey, @inputHash, @canonicalInput, @requestJson, @actor,
           @receiveType, @receivedBy, @locId, @status, @attempts, @now, @now)`,
      )
      .run({ ...claim, upstream: this.upstream, status, attempts, now });
  }
}

function openPath(dataDir: string | undefined): string {
  if (dataDir === undefined) return ':memory:';

  mkdirSync(dataDir, { recursive: true });

  return join(dataDir, LEDGER_FILE_NAME);
}

function toEntry(row: Row): ReceiptEntry {
  return {
    seq: row.seq,
    idempotencyKey: row.idempotency_key,
    upstream: row.upstream,
    inputHash: row.input_hash,
    canonicalInput: row.canonical_input,
    requestJson: row.request_json,
    actor: row.actor,
    receiveType: row.receive_type,
    receivedBy: row.received_by,
    locId: row.loc_id,
    status: row.status,
    outcome: row.outcome,
    receiveHistoryId: row.receive_history_id,
    resultJson: row.result_json,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    writtenAt: row.written_at,
  };
}
