import type { InventoryScope, ReceiveRequest } from '../dutchie/backoffice-api';
import { isBackofficeError } from '../dutchie/errors';
import type { InventoryRow } from '../dutchie/models';
import type { Clock } from '../util/clock';
import type { ReceiveDataSource } from './data-source';
import { matchPackages, type PackageMatch } from './verify-match';
import type {
  OrphanedReceiveError,
  PartialReceiveError,
  ReceiveOutcomeUnknownError,
  ReceiveSuccess,
} from './results';

export type VerifyOutcome =
  ReceiveSuccess | PartialReceiveError | OrphanedReceiveError | ReceiveOutcomeUnknownError;

export interface VerifyRequest {
  source: ReceiveDataSource;
  clock: Clock;
  location: InventoryScope;
  body: ReceiveRequest;
  /** From the receive's answer; null when the answer never came. */
  receiveHistoryId: number | null;
  /** Clock time of the POST's answer (or of giving up on it). */
  writtenAt: number;
  /** How long to keep reading; 0 reads exactly once. */
  windowMs: number;
  /** A history id with nothing visible this long after the write is an orphan, not lag. */
  orphanAfterMs: number;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 4_000;

/**
 * Reads the location's inventory back until every line's package is there as sent, backing off
 * on the injected clock (1 s, 2 s, 4 s, 4 s, ...) within the window, because reads lag writes
 * by seconds. It only ever reads: whatever it finds, it never causes a second POST.
 */
export async function verifyReceive(request: VerifyRequest): Promise<VerifyOutcome> {
  const { clock, body } = request;
  const deadline = clock.now() + request.windowMs;
  let delay = FIRST_DELAY_MS;
  let reads = 0;
  const failedReads: string[] = [];
  let match: PackageMatch | null = null;

  for (;;) {
    reads += 1;
    const rows = await readBack(request, failedReads);
    if (rows) match = matchPackages(body, rows);
    if (match?.complete) return success(request, match);

    const left = deadline - clock.now();
    if (left <= 0) break;

    await clock.sleep(Math.min(delay, left));
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }

  const checkedForSeconds = Math.round(request.windowMs / 1000);
  if (match?.anyPresent) return partial(request, match);

  // LIMITATION: an orphaned receive cannot be told from a read lag longer than the window, so it is called orphaned only once orphanAfterSeconds have passed since the write (on reverify or a repeated key); until then it is an unknown outcome.
  const sinceWrite = clock.now() - request.writtenAt;
  if (request.receiveHistoryId !== null && sinceWrite >= request.orphanAfterMs) {
    return orphaned(request, request.receiveHistoryId, sinceWrite);
  }

  return unknown(request, reads, checkedForSeconds, failedReads);
}

async function readBack(
  request: VerifyRequest,
  failures: string[],
): Promise<InventoryRow[] | null> {
  try {
    return await request.source.inventory(
      request.location,
      { fresh: true, includeZeroQuantity: true },
      { priority: 'verify' },
    );
  } catch (error) {
    // A failed read proves nothing either way: count it and keep polling within the window.
    failures.push(isBackofficeError(error) ? error.code : 'UNEXPECTED');

    return null;
  }
}

function labels(body: ReceiveRequest): string[] {
  return body.products.map((line) => line.packageId);
}

function success(request: VerifyRequest, match: PackageMatch): ReceiveSuccess {
  const packages = match.rows as InventoryRow[];
  const fromRows = packages.find((row) => row.receiveHistoryId !== null)?.receiveHistoryId ?? null;

  return {
    __typename: 'ReceiveSuccess',
    idempotencyKey: request.body.externalId,
    lspId: request.location.lspId,
    receiveHistoryId: request.receiveHistoryId ?? fromRows,
    packages,
    replayed: false,
  };
}

function partial(request: VerifyRequest, match: PackageMatch): PartialReceiveError {
  const { body } = request;
  const history =
    request.receiveHistoryId === null
      ? 'The receive'
      : `Receive history ${request.receiveHistoryId}`;
  const missing = match.missing.map((line) => `${line.path} (label ${line.packageId})`);
  const mismatched = match.mismatched.map(
    (m) => `${m.path} (label ${m.packageId}): sent ${m.field} ${m.expected}, found ${m.actual}`,
  );
  const problems = [
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    mismatched.length > 0 ? `mismatched ${mismatched.join(', ')}` : '',
  ].filter(Boolean);

  return {
    __typename: 'PartialReceiveError',
    code: 'PARTIAL_RECEIVE',
    message: `${history} at LocId ${body.locId} landed in part: ${match.verified.length} of ${body.products.length} packages verified; ${problems.join('; ')}`,
    hint: 'The upstream accepts partial receives silently. Receive only the missing lines under a new idempotency key and correct mismatches in Backoffice; repeating this key only reads back again.',
    locId: body.locId,
    receiveHistoryId: request.receiveHistoryId,
    verified: match.verified,
    missing: match.missing,
    mismatched: match.mismatched,
  };
}

function orphaned(
  request: VerifyRequest,
  receiveHistoryId: number,
  sinceWriteMs: number,
): OrphanedReceiveError {
  const { body } = request;
  const seconds = Math.round(sinceWriteMs / 1000);

  return {
    __typename: 'OrphanedReceiveError',
    code: 'ORPHANED_RECEIVE',
    message: `The upstream accepted receive history ${receiveHistoryId} at LocId ${body.locId}, but none of its ${body.products.length} packages (${labels(body).join(', ')}) exist ${seconds} s later`,
    hint: `Look up receive history ${receiveHistoryId} in Backoffice before receiving these packages again under a new key; reverify settles this key if they appear.`,
    likelyCause: `the upstream created no packages for this receive, as it does when the destination is not an inventory room (room ${body.roomId}) or the location has no rooms; a read lag above ${seconds} s is the unlikely alternative`,
    locId: body.locId,
    receiveHistoryId,
    labelsChecked: labels(body),
  };
}

function unknown(
  request: VerifyRequest,
  reads: number,
  checkedForSeconds: number,
  failedReads: string[],
): ReceiveOutcomeUnknownError {
  const { body } = request;
  const answer =
    request.receiveHistoryId === null
      ? 'its answer never arrived'
      : `the upstream accepted it as receive history ${request.receiveHistoryId}`;
  const failures =
    failedReads.length > 0
      ? ` (${failedReads.length} of them failed: ${[...new Set(failedReads)].join(', ')})`
      : '';

  return {
    __typename: 'ReceiveOutcomeUnknownError',
    code: 'RECEIVE_OUTCOME_UNKNOWN',
    message: `The receive at LocId ${body.locId} could not be confirmed (${answer}): none of labels ${labels(body).join(', ')} appeared in ${reads} inventory reads over ${checkedForSeconds} s${failures}`,
    hint: 'Do not resubmit under a new key: the receive may have landed. Repeat this key later or run reverify; both only read back and never send the receive again.',
    locId: body.locId,
    receiveHistoryId: request.receiveHistoryId,
    labelsChecked: labels(body),
    reads,
    checkedForSeconds,
  };
}
