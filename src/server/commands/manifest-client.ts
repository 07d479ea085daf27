/**
 * What the manifest commands need of a running server: one GraphQL POST, and failures that say
 * what to do. The API key travels only in the Authorization header and is never printed.
 */

export interface GraphqlTarget {
  url: string;
  apiKey?: string;
  timeoutMs: number;
}

export interface GraphqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: GraphqlError[];
}

/** The server could not be asked, or did not answer as a GraphQL server does. */
export class ServerCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerCallError';
  }
}

export async function postGraphql<T>(
  target: GraphqlTarget,
  query: string,
  variables: Record<string, unknown>,
): Promise<GraphqlAnswer<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`;

  let response: Response;
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(target.timeoutMs),
    });
  } catch (error) {
    throw new ServerCallError(unreachable(target, error));
  }

  return readAnswer<T>(target, response);
}

async function readAnswer<T>(target: GraphqlTarget, response: Response): Promise<GraphqlAnswer<T>> {
  const text = await response.text();
  let answer: GraphqlAnswer<T> | null = null;
  try {
    answer = JSON.parse(text) as GraphqlAnswer<T>;
  } catch {
    answer = null;
  }

  // A missing or unknown key: nothing ran, so it is not a refusal of the manifest.
  if (response.status === 401 || response.status === 403) {
    const said = answer?.errors?.[0]?.message;
    throw new ServerCallError(
      `${target.url} refused the request (HTTP ${response.status}${said ? `: ${said}` : ''}): pass an API key with --api-key or GRAPH_API_KEY`,
    );
  }

  // GraphQL over HTTP answers request errors with 4xx and a body that says why: show it.
  if (answer && (answer.data !== undefined || answer.errors?.length)) return answer;

  if (response.status === 413) {
    throw new ServerCallError(`${target.url} refused the manifest as too large (HTTP 413)`);
  }

  throw new ServerCallError(
    `${target.url} did not answer as a GraphQL server (HTTP ${response.status}${text ? `: ${excerpt(text)}` : ''}); check --url`,
  );
}

function unreachable(target: GraphqlTarget, error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError') {
    return `${target.url} did not answer within ${Math.round(target.timeoutMs / 1000)} s; a receive may still be running (repeat the same command: it is idempotent)`;
  }

  const reason =
    cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));

  return `cannot reach the server at ${target.url} (${reason}): start it with \`backoffice-graph serve\` or pass --url`;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();

  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
