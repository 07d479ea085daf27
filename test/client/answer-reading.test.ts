import { describe, expect, it } from 'vitest';
import { readAnswer, type HttpAnswer } from '../../src/dutchie/answer-reader';
import {
  AuthenticationError,
  BadResponseError,
  RateLimitedError,
  SessionExpiredError,
  UpstreamNotFoundError,
  UpstreamRejectedError,
  UpstreamSqlError,
  UpstreamUnavailableError,
} from '../../src/dutchie/errors';
import { Redactor } from '../../src/dutchie/redact';

const NOW = Date.UTC(2026, 11, 3, 16, 0, 0);
const GID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const redactor = new Redactor(['hunter2-secret', 'https://tenant.backoffice.dutchie.com']);

function read(
  answer: Partial<HttpAnswer>,
  options: { isLogin?: boolean; noMatchIsEmpty?: boolean } = {},
) {
  return readAnswer(
    { status: 200, headers: { 'content-type': 'application/json' }, text: '', ...answer },
    {
      endpoint: 'v2/inventory/receive',
      isLogin: options.isLogin ?? false,
      noMatchIsEmpty: options.noMatchIsEmpty ?? false,
      redactor,
      now: NOW,
    },
  );
}

function failure(
  answer: Partial<HttpAnswer>,
  options?: { isLogin?: boolean; noMatchIsEmpty?: boolean },
) {
  const reading = read(answer, options);
  if (reading.kind !== 'failure' && reading.kind !== 'dead-session')
    throw new Error(`got ${reading.kind}`);

  return reading.error;
}

const refusal = (Message: string) => JSON.stringify({ Result: false, Message, Data: null });

describe('reading upstream answers', () => {
  it('classifies a conversion failure as type-conversion without the SQL in the message', () => {
    const sql = "Conversion failed when converting the nvarchar value 'abc' to data type int.";
    const error = failure({ text: refusal(sql) });

    expect(error).toBeInstanceOf(UpstreamSqlError);
    expect(error).toMatchObject({ code: 'UPSTREAM_SQL_ERROR', classification: 'type-conversion' });
    expect(error.message).not.toMatch(/nvarchar|Conversion failed/);
    expect(error.excerpt).toContain('Conversion failed');
  });

  it('classifies a FOREIGN KEY conflict as missing-reference naming the table', () => {
    const sql =
      'The INSERT statement conflicted with the FOREIGN KEY constraint "FK_PackageInventory_Product". ' +
      'The conflict occurred in database "Backoffice", table "dbo.Product", column \'ProductId\'.';
    const error = failure({ text: refusal(sql) }) as UpstreamSqlError;

    expect(error).toMatchObject({ classification: 'missing-reference', subject: 'dbo.Product' });
    expect(error.message).not.toMatch(/INSERT|FK_/);
    expect(error.message).toContain('dbo.Product');
  });

  it('reads the 200 rate-limit answer as RateLimitedError retrying after 60 s', () => {
    const error = failure({ text: refusal('Too many requests - only 60 per minute allowed') });

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(60);
  });

  it('reads Retry-After as seconds or as an HTTP date, and takes the trace id', () => {
    const seconds = failure({
      status: 429,
      headers: { 'retry-after': '2' },
      text: '{"traceId":"abc-123"}',
    });
    const date = failure({
      status: 429,
      headers: { 'retry-after': new Date(NOW + 5_000).toUTCString() },
    });

    expect(seconds).toMatchObject({ retryAfterSeconds: 2, traceId: 'abc-123', status: 429 });
    expect(date).toMatchObject({ retryAfterSeconds: 5 });
  });

  it('treats 401, the edge proxy 403 page, a login redirect and a session Message as a dead session', () => {
    const answers: Partial<HttpAnswer>[] = [
      { status: 401, text: '' },
      { status: 403, headers: { 'content-type': 'text/html' }, text: '<html>Forbidden</html>' },
      { status: 302, headers: { location: '/login?returnUrl=%2F' }, text: '' },
      { text: refusal('Invalid session. Please log in again.') },
    ];

    for (const answer of answers) {
      const reading = read(answer);
      expect(reading.kind).toBe('dead-session');
      expect((reading as { error: unknown }).error).toBeInstanceOf(SessionExpiredError);
    }
  });

  it('treats a redirect elsewhere as a bad response, never as data', () => {
    const error = failure({
      status: 302,
      headers: { location: 'https://tenant.backoffice.dutchie.com/maintenance' },
    });

    expect(error).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', kind: 'redirect' });
    expect(error.message).not.toContain('tenant.backoffice.dutchie.com');
  });

  it('names HTML, truncated JSON and non-JSON bodies', () => {
    expect(
      failure({ headers: { 'content-type': 'text/html' }, text: '<html><h1>Oops</h1></html>' }),
    ).toMatchObject({ kind: 'html' });
    expect(failure({ text: '{"Result":true,"Data":[{"RoomId":1' })).toMatchObject({
      kind: 'truncated-json',
    });
    expect(failure({ text: 'Service Unavailable' })).toMatchObject({ kind: 'not-json' });
    expect(failure({ text: '{"rows":[]}' })).toMatchObject({ kind: 'schema' });
  });

  it('maps 5xx to unavailable and keeps SQL text out of the message', () => {
    const error = failure({
      status: 500,
      text: "System.Data.SqlClient.SqlException: Invalid column name 'Foo'.",
    });

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).not.toMatch(/SqlException|Foo/);
  });

  it('maps 404 to not found', () => {
    expect(failure({ status: 404, text: 'Not Found' })).toBeInstanceOf(UpstreamNotFoundError);
  });

  it('reads "No matching … found" as empty for reads and as a refusal for writes', () => {
    expect(
      read({ text: refusal('No matching inventory found') }, { noMatchIsEmpty: true }).kind,
    ).toBe('no-match');
    expect(failure({ text: refusal('No matching inventory found') })).toBeInstanceOf(
      UpstreamRejectedError,
    );
  });

  it('reports a rejected login as AuthenticationError without the echoed password', () => {
    const text = JSON.stringify({
      Result: false,
      Message: 'Invalid user name or password',
      Data: { UserName: 'employee@example.com', Password: 'hunter2-secret' },
    });
    const error = failure({ text }, { isLogin: true });

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(`${error.message} ${error.excerpt}`).not.toContain('hunter2-secret');
  });

  it('strips cookies, session GUIDs and the upstream address from excerpts, within 300 characters', () => {
    const text = `Set-Cookie: LLSession=${GID}; path=/\n{"SessionGId":"${GID}"} at https://tenant.backoffice.dutchie.com/api ${'x'.repeat(600)}`;
    const error = failure({ status: 503, text }) as BadResponseError;

    expect(error.excerpt!.length).toBeLessThanOrEqual(300);
    expect(error.excerpt).not.toContain(GID);
    expect(error.excerpt).not.toContain('tenant.backoffice');
  });
});
