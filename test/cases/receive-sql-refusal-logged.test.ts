import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blueDream,
  RECEIVE,
  startCaseServer,
  vaultReceive,
  type CaseServer,
} from './support/case-server';

/**
 * A receive refused with SQL Server text answers a classified UpstreamSqlError and never the
 * SQL; the operator finds the text in the server log (secrets scrubbed), as the README says.
 */
describe('a receive refused with SQL text', () => {
  let app: CaseServer;

  beforeAll(async () => {
    app = await startCaseServer();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers the classification without the SQL, and logs the SQL for the operator', async () => {
    const { text, json } = await app.graphql(RECEIVE, {
      input: vaultReceive('1989:sql-logged', [{ ...blueDream('CASE-SQL-LOG-1'), unitId: 7 }]),
    });
    const refusal = app.log.lines.find((line) => line.msg === 'receive refused upstream');

    expect(json.data.receiveInventory).toMatchObject({
      __typename: 'UpstreamSqlError',
      code: 'UPSTREAM_SQL_ERROR',
    });
    expect(text).not.toMatch(/FOREIGN KEY|INSERT|conflicted/i);
    expect(refusal).toMatchObject({
      idempotencyKey: '1989:sql-logged',
      code: 'UPSTREAM_SQL_ERROR',
      excerpt: expect.stringContaining('FOREIGN KEY'),
    });
    expect(app.log.text()).not.toMatch(/LLSession=(?!\[redacted\])/);
  });
});
