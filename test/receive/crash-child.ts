/**
 * The child half of the crash test: a process with a durable ledger that submits one receive
 * to the parent's sandbox and says "POSTING" just before its POST leaves, so the parent can
 * kill it while the receive is in flight. Run with `node --import tsx`; env: SANDBOX_URL,
 * DATA_DIR, RECEIVE_INPUT (JSON).
 */
import { createBackofficeClient } from '../../src/dutchie/index';
import { backofficeDataSource } from '../../src/receive/data-source';
import { createReceiveService } from '../../src/receive/receive-service';
import { upstreamIdentity } from '../../src/receive/upstream-identity';
import { SANDBOX_DEFAULT_PASSWORD, SANDBOX_DEFAULT_USERNAME } from '../../src/sandbox/types';

const url = process.env.SANDBOX_URL!;
const api = createBackofficeClient({
  baseUrl: url,
  username: SANDBOX_DEFAULT_USERNAME,
  password: SANDBOX_DEFAULT_PASSWORD,
});
const raw = backofficeDataSource(api);
const service = createReceiveService({
  source: {
    ...raw,
    receive(request, call) {
      process.stdout.write('POSTING\n');

      return raw.receive(request, call);
    },
  },
  upstream: upstreamIdentity(url, SANDBOX_DEFAULT_USERNAME),
  dataDir: process.env.DATA_DIR!,
});

const outcome = await service.receive(JSON.parse(process.env.RECEIVE_INPUT!), {
  actor: 'crash-child',
});
process.stdout.write(`DONE ${outcome.__typename}\n`);
service.close();
await api.close();
