import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaseServer, type CaseServer } from './support/case-server';

const NODE = 'query Node($id: ID!) { node(id: $id) { id __typename } }';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * An id that is not one this graph handed out is the caller's mistake: BAD_USER_INPUT with a
 * message naming it, never INTERNAL_SERVER_ERROR, which tells an operator the server broke.
 */
describe('node(id:) with ids this graph never issued', () => {
  let app: CaseServer;

  beforeAll(async () => {
    app = await startCaseServer();
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each([
    ['not base64 at all', 'junk', '"junk" is not a global ID this API issued'],
    ['empty', '', '"" is not a global ID this API issued'],
    ['a type name and no id', b64('Package:'), `"${b64('Package:')}" is not a global ID`],
    ['a type the graph does not have', b64('X:1'), `"${b64('X:1')}" is not a global ID`],
    ['a type that is no node', b64('Receipt:1'), 'Receipt does not support loading by id'],
  ])('answers %s as BAD_USER_INPUT naming it', async (_what, id, message) => {
    const { status, json } = await app.graphql(NODE, { id });

    expect(status).toBe(200);
    expect(json.data).toEqual({ node: null });
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].message).toContain(message);
  });

  it("fails nodes(ids:) with one junk id as the caller's error too", async () => {
    const location = b64('Location:1989');
    const { json } = await app.graphql('query { nodes(ids: ["' + location + '", "junk"]) { id } }');

    expect(json.errors.map((error: any) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('logs no masked unexpected error for them', () => {
    expect(app.log.lines.filter((line) => line.msg === 'unexpected error, masked')).toEqual([]);
  });
});
