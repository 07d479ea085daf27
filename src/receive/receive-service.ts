import type { Counter } from 'prom-client';
import type { ReceiveRequest } from '../dutchie/backoffice-api';
import { isBackofficeError } from '../dutchie/errors';
import type { Location } from '../dutchie/models';
import { systemClock, type Clock } from '../util/clock';
import { silentLogger, type Logger } from '../util/logger';
import { canonicalJson, inputHash } from './canonical-input';
import type { ReceiveDataSource } from './data-source';
import type { ParsedReceiveInput } from './input-schema';
import { KeyLock } from './key-lock';
import { withLineTotals } from './line-totals';
import { ReceiptLedger, type ReceiptClaim, type ReceiptEntry } from './ledger';
import {
  outcomeFromJson,
  outcomeToJson,
  requestFromJson,
  requestToJson,
  type StoredRequest,
} from './outcome-json';
import { parseReceiveInput } from './parse-input';
import { preflight, type PreflightResult } from './preflight';
import { heldLabelsError } from './preflight-packages';
import { checkLocation } from './preflight-location';
import {
  listReceiptPage,
  toRecord,
  type ReceiptPage,
  type ReceiptPageQuery,
  type ReceiptRecord,
} from './receipts-page';
import { outcomeLabel, receiptCounter } from './receipt-metrics';
import { buildReceiveBody, describeResolvedLines } from './receive-body';
import {
  DEFAULT_ORPHAN_AFTER_SECONDS,
  resolveVerifySeconds,
  type ReceiveCallContext,
  type ReceiveServiceOptions,
} from './receive-options';
import type {
  IdempotencyConflictError,
  NotAuthorizedError,
  ReceiveError,
  ReceiveOutcome,
  ReceivePlan,
} from './results';
import { provesNotWritten, upstreamFailure } from './upstream-failure';
import { verifyReceive, type VerifyOutcome } from './verify';

interface Submission {
  input: ParsedReceiveInput;
  hash: string;
  claim: ReceiptClaim;
  /** What this call reads and writes through (the caller's own, or the service's). */
  source: ReceiveDataSource;
}

/**
 * The engine behind `receiveInventory`: validation, the ledger, preflight, one POST, and
 * read-back verification, answering a typed result for every outcome. Exactly once: the key's
 * ledger row is written before the POST and settled after it, and a key whose outcome is not
 * known is only ever read back, never sent again.
 *
 * Reuse of a key: an entry whose failure proves nothing was written (preflight, an upstream
 * `Result: false` refusal, a rate limit, an unreachable upstream) is `failed` and the key may
 * be submitted again, with the same or a corrected input. Every other entry binds the key to
 * its input for good.
 */
export class ReceiveService {
  private readonly ledger: ReceiptLedger;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly lock = new KeyLock();
  private readonly counter: Counter<'outcome'> | null;
  private readonly verifyMs: number;
  private readonly orphanAfterMs: number;

  constructor(private readonly options: ReceiveServiceOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = (options.logger ?? silentLogger()).child({ component: 'receive' });
    this.verifyMs = resolveVerifySeconds(options.verifySeconds) * 1000;
    this.orphanAfterMs = (options.orphanAfterSeconds ?? DEFAULT_ORPHAN_AFTER_SECONDS) * 1000;
    this.counter = options.registry ? receiptCounter(options.registry) : null;
    this.ledger = new ReceiptLedger({
      dataDir: options.dataDir,
      upstream: options.upstream,
      clock: this.clock,
    });
  }

  /** Receives inventory once per idempotency key; never throws for an upstream failure. */
  async receive(raw: unknown, context: ReceiveCallContext = {}): Promise<ReceiveOutcome> {
    const outcome = await this.answer(raw, context);
    this.counter?.inc({ outcome: outcomeLabel(outcome) });

    return outcome;
  }

  /** The ledger as an audit trail, newest first. */
  listReceipts(query: ReceiptPageQuery): ReceiptPage {
    return listReceiptPage(this.ledger, query);
  }

  /** One key's ledger entry as the audit trail shows it; null when this upstream has none. */
  findReceipt(idempotencyKey: string): ReceiptRecord | null {
    const entry = this.ledger.find(idempotencyKey);

    return entry ? toRecord(entry) : null;
  }

  /**
   * Reads a key's packages back again (the full verification window) and settles the entry as
   * succeeded when they are all there. Null for a key this upstream's ledger does not hold.
   */
  async reverify(
    idempotencyKey: string,
    context: Pick<ReceiveCallContext, 'source'> = {},
  ): Promise<ReceiveOutcome | null> {
    const source = context.source ?? this.options.source;

    return this.lock.run(idempotencyKey, async () => {
      const entry = this.ledger.find(idempotencyKey);
      if (!entry) return null;
      // Nothing was written for a failed entry: there is nothing to find.
      if (entry.status === 'failed' || !entry.requestJson) return storedOutcome(entry);

      return this.reconcile(entry, this.verifyMs, source);
    });
  }

  /**
   * Preflight's first step on its own, for a caller that must know the location before it can
   * build an input (a manifest is matched against the location's catalog): the location, or
   * the refusal preflight would answer, an upstream failure included. Writes nothing.
   */
  async checkLocation(
    locId: number,
    context: Pick<ReceiveCallContext, 'source'> = {},
  ): Promise<Location | ReceiveError> {
    const source = context.source ?? this.options.source;

    try {
      const locations = await source.locations({ priority: 'verify' });

      return checkLocation(locations, locId, this.options.writableLocIds);
    } catch (error) {
      if (!isBackofficeError(error)) throw error;

      return upstreamFailure(error, 'preflight');
    }
  }

  close(): void {
    this.ledger.close();
  }

  private async answer(raw: unknown, context: ReceiveCallContext): Promise<ReceiveOutcome> {
    const actor = context.actor ?? null;
    const parsed = parseReceiveInput(raw);
    if (!parsed.ok) return parsed.error;

    // Exact totals join the lines before hashing, so the ledger binds a key to them too.
    const totalled = withLineTotals(parsed.input, context.lineTotals);
    if (!totalled.ok) return totalled.error;

    const { input } = totalled;
    const denied = await this.authorize(input, actor);
    if (denied) return denied;

    const source = context.source ?? this.options.source;

    return this.lock.run(input.idempotencyKey, () =>
      this.submit(this.submission(input, actor, source)),
    );
  }

  private async submit(submission: Submission): Promise<ReceiveOutcome> {
    const { input } = submission;
    const log = this.logger.child({ idempotencyKey: input.idempotencyKey, locId: input.locId });

    const existing = this.ledger.find(input.idempotencyKey);
    const settled = existing ? await this.answerExisting(existing, submission) : null;
    if (settled) return settled;

    // Before preflight's inventory read: a receive settled after this instant may have landed
    // unseen by that read, so the claim below still counts its labels as taken.
    const inventoryReadAt = this.clock.now();
    const checked = await this.preflight(input, submission.source);
    if (!checked.ok) {
      log.info({ outcome: checked.error.code }, 'receive refused in preflight');
      if (!input.dryRun) this.recordFailure(submission, checked.error);

      return checked.error;
    }

    const body = buildReceiveBody(input, checked.resolved, new Date(this.clock.now()));
    if (input.dryRun) return plan(input, body, describeResolvedLines(body, checked.resolved));

    // LIMITATION: a crash between this claim and the POST leaves a pending key whose receive was never sent; read-back cannot prove absence, so that key stays unknown and the receive needs a new key.
    const stored: StoredRequest = { scope: scopeOf(checked.resolved.location), body };
    const labels = body.products.map((line) => line.packageId);
    const claim = this.ledger.claim(
      { ...submission.claim, requestJson: requestToJson(stored) },
      { labels, inventoryReadAt },
    );
    if (!claim.claimed && 'heldLabels' in claim) {
      const refused = heldLabelsError(input, claim.heldLabels);
      log.info({ outcome: refused.code }, 'receive refused: its labels are taken by another');
      this.recordFailure(submission, refused);

      return refused;
    }
    // Another process claimed the key between our look and our claim: answer its row instead.
    if (!claim.claimed) return (await this.answerExisting(claim.existing, submission))!;

    return this.write(stored, submission.source, log);
  }

  /**
   * Step 2: a key already in the ledger. Same input and settled → the stored result; other
   * input → a conflict; pending or unknown → read back, never POST. Null when the entry
   * failed without writing, so the key is free to go on.
   */
  private async answerExisting(
    entry: ReceiptEntry,
    submission: Submission,
  ): Promise<ReceiveOutcome | null> {
    if (entry.status === 'failed') return null;
    if (entry.inputHash !== submission.hash) return conflict(entry);
    if (entry.status === 'succeeded') return storedOutcome(entry);
    if (!entry.requestJson) return storedOutcome(entry);

    // A pending entry not held by this process was left by a crash or is in flight elsewhere:
    // give it the full window. An unknown one was already polled out: one more read.
    const windowMs = entry.status === 'pending' ? this.verifyMs : 0;

    return this.reconcile(entry, windowMs, submission.source);
  }

  private async reconcile(
    entry: ReceiptEntry,
    windowMs: number,
    source: ReceiveDataSource,
  ): Promise<VerifyOutcome> {
    const { scope, body } = requestFromJson(entry.requestJson!);
    const outcome = await verifyReceive({
      source,
      clock: this.clock,
      location: scope,
      body,
      receiveHistoryId: entry.receiveHistoryId,
      writtenAt: entry.writtenAt ?? entry.updatedAt,
      windowMs,
      orphanAfterMs: this.orphanAfterMs,
    });

    // A success found later settles the entry; a settled success is never downgraded by a
    // read that no longer finds its packages (they may have been sold or moved since).
    if (outcome.__typename === 'ReceiveSuccess' || entry.status !== 'succeeded') {
      this.settle(entry.idempotencyKey, outcome);
    }
    this.logger.info(
      { idempotencyKey: entry.idempotencyKey, outcome: outcome.__typename },
      'receive reconciled by read-back',
    );

    return outcome.__typename === 'ReceiveSuccess' ? { ...outcome, replayed: true } : outcome;
  }

  /** Step 4: the one POST, then verification. Only a failure proving nothing was written fails the key. */
  private async write(
    stored: StoredRequest,
    source: ReceiveDataSource,
    log: Logger,
  ): Promise<ReceiveOutcome> {
    const { body } = stored;
    const key = body.externalId;
    let receiveHistoryId: number | null = null;

    try {
      receiveHistoryId = (await source.receive(body, { priority: 'write' })).receiveHistoryId;
      log.info({ receiveHistoryId }, 'receive accepted upstream');
    } catch (error) {
      if (provesNotWritten(error)) {
        const refused = upstreamFailure(error, 'write');
        log.warn(
          {
            code: error.code,
            endpoint: error.endpoint,
            status: error.status,
            traceId: error.traceId,
            // The upstream's words (SQL text included) are for the operator; the logger scrubs
            // secrets from every string, and the answer carries only the classification.
            excerpt: error.excerpt,
          },
          'receive refused upstream',
        );
        this.ledger.settle(key, {
          status: 'failed',
          outcome: refused.__typename,
          resultJson: outcomeToJson(refused),
        });

        return refused;
      }

      log.warn(
        { code: isBackofficeError(error) ? error.code : 'UNEXPECTED' },
        'receive answer lost; verifying by read-back',
      );
    }

    this.ledger.recordAnswer(key, receiveHistoryId);
    try {
      const outcome = await verifyReceive({
        source,
        clock: this.clock,
        location: stored.scope,
        body,
        receiveHistoryId,
        writtenAt: this.clock.now(),
        windowMs: this.verifyMs,
        orphanAfterMs: this.orphanAfterMs,
      });
      this.settle(key, outcome);
      log.info({ outcome: outcome.__typename, receiveHistoryId }, 'receive verified');

      return outcome;
    } finally {
      await source.invalidateInventory(body.locId);
    }
  }

  private async preflight(
    input: ParsedReceiveInput,
    source: ReceiveDataSource,
  ): Promise<PreflightResult> {
    try {
      return await preflight(input, source, this.options.writableLocIds);
    } catch (error) {
      if (!isBackofficeError(error)) throw error;

      return { ok: false, error: upstreamFailure(error, 'preflight') };
    }
  }

  private settle(idempotencyKey: string, outcome: VerifyOutcome): void {
    this.ledger.settle(idempotencyKey, {
      status: outcome.__typename === 'ReceiveSuccess' ? 'succeeded' : 'unknown',
      outcome: outcome.__typename,
      resultJson: outcomeToJson(outcome),
      receiveHistoryId: outcome.receiveHistoryId,
    });
  }

  private recordFailure(submission: Submission, error: ReceiveOutcome): void {
    this.ledger.recordFailure(
      { ...submission.claim, requestJson: null },
      error.__typename,
      outcomeToJson(error),
    );
  }

  private submission(
    input: ParsedReceiveInput,
    actor: string | null,
    source: ReceiveDataSource,
  ): Submission {
    const canonical = canonicalJson(input);
    const hash = inputHash(canonical);

    return {
      input,
      hash,
      source,
      claim: {
        idempotencyKey: input.idempotencyKey,
        inputHash: hash,
        canonicalInput: canonical,
        requestJson: null,
        actor,
        receiveType: input.receiveType,
        receivedBy: input.receivedBy ?? null,
        locId: input.locId,
      },
    };
  }

  private async authorize(
    input: ParsedReceiveInput,
    actor: string | null,
  ): Promise<NotAuthorizedError | null> {
    const check = this.options.authorize;
    if (!check || (await check({ actor, locId: input.locId, dryRun: input.dryRun }))) return null;

    return {
      __typename: 'NotAuthorizedError',
      code: 'NOT_AUTHORIZED',
      message: `${actor ? `"${actor}"` : 'An anonymous caller'} may not receive inventory at LocId ${input.locId}`,
      hint: 'Use an API key that is allowed to receive at this location.',
      actor,
      locId: input.locId,
    };
  }
}

export function createReceiveService(options: ReceiveServiceOptions): ReceiveService {
  return new ReceiveService(options);
}

function scopeOf(location: Location): StoredRequest['scope'] {
  return { locId: location.locId, lspId: location.lspId, timeZone: location.timeZone };
}

function storedOutcome(entry: ReceiptEntry): ReceiveOutcome {
  if (!entry.resultJson) return unrecorded(entry);

  const outcome = outcomeFromJson(entry.resultJson);

  return outcome.__typename === 'ReceiveSuccess' ? { ...outcome, replayed: true } : outcome;
}

/** A row without a stored result or request (not written by this code): say what is known. */
function unrecorded(entry: ReceiptEntry): ReceiveOutcome {
  return {
    __typename: 'ReceiveOutcomeUnknownError',
    code: 'RECEIVE_OUTCOME_UNKNOWN',
    message: `The ledger holds idempotency key "${entry.idempotencyKey}" (status ${entry.status}) without a recorded request, so its packages cannot be read back`,
    hint: "Check the location's inventory in Backoffice before receiving these packages under a new key.",
    locId: entry.locId,
    receiveHistoryId: entry.receiveHistoryId,
    labelsChecked: [],
    reads: 0,
    checkedForSeconds: 0,
  };
}

function conflict(entry: ReceiptEntry): IdempotencyConflictError {
  const firstUsedAt = new Date(entry.createdAt).toISOString();

  return {
    __typename: 'IdempotencyConflictError',
    code: 'IDEMPOTENCY_CONFLICT',
    message: `idempotency key "${entry.idempotencyKey}" was first used at ${firstUsedAt} for a different receive at LocId ${entry.locId} (status ${entry.status})`,
    hint: 'Use a new idempotency key for a different receive; repeat this key only with exactly the input it was first sent with.',
    idempotencyKey: entry.idempotencyKey,
    firstUsedAt,
    status: entry.status,
  };
}

function plan(
  input: ParsedReceiveInput,
  body: ReceiveRequest,
  lines: ReceivePlan['lines'],
): ReceivePlan {
  return { __typename: 'ReceivePlan', idempotencyKey: input.idempotencyKey, body, lines };
}
