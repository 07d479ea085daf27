import { SandboxError } from './errors';
import type { FaultOptions, SandboxFault, SandboxFaults } from './types';

interface ArmedFault {
  endpoint: string;
  fault: SandboxFault;
  remaining: number;
}

const KINDS = new Set<SandboxFault['kind']>([
  'latency',
  'status',
  'rate-limit-429',
  'rate-limit-200',
  'html',
  'truncated-json',
  'redirect-login',
  'session-expired-200',
  'session-expired-401',
  'destroy-after-write',
  'no-headers',
  'sql-500',
  'orphan',
  'partial',
]);

/** The faults one request meets: a latency (added first) and at most one other fault. */
export interface DrawnFaults {
  latency?: Extract<SandboxFault, { kind: 'latency' }>;
  fault?: SandboxFault;
}

/**
 * Armed faults, matched in the order they were added against the endpoint (the path after
 * /api/) or `*`. A latency combines with one other fault, so "slow, then a 503" can be armed.
 */
export class FaultRegistry implements SandboxFaults {
  private armed: ArmedFault[] = [];

  add(endpoint: string, fault: SandboxFault, options: FaultOptions = {}): void {
    const times = options.times ?? 1;
    if (!KINDS.has(fault?.kind)) {
      throw new SandboxError('SANDBOX_BAD_CONFIG', `unknown fault kind ${JSON.stringify(fault)}`);
    }
    if (!(times >= 1)) {
      throw new SandboxError('SANDBOX_BAD_CONFIG', `fault times must be 1 or more (got ${times})`);
    }

    this.armed.push({ endpoint: endpoint.replace(/^\/?(api\/)?/, ''), fault, remaining: times });
  }

  clear(): void {
    this.armed = [];
  }

  draw(endpoint: string): DrawnFaults {
    const latency = this.take(endpoint, (fault) => fault.kind === 'latency');
    const fault = this.take(endpoint, (candidate) => candidate.kind !== 'latency');

    return { latency: latency as DrawnFaults['latency'], fault };
  }

  private take(endpoint: string, accept: (fault: SandboxFault) => boolean) {
    const match = this.armed.find(
      (armed) =>
        armed.remaining > 0 &&
        (armed.endpoint === '*' || armed.endpoint === endpoint) &&
        accept(armed.fault),
    );
    if (!match) return undefined;

    match.remaining -= 1;
    this.armed = this.armed.filter((armed) => armed.remaining > 0);

    return match.fault;
  }
}
