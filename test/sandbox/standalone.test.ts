import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/util/logger';
import { SANDBOX_DEFAULT_USERNAME } from '../../src/sandbox';
import { runStandaloneSandbox } from '../../src/sandbox/run';
import { parseStandaloneEnv } from '../../src/sandbox/standalone-config';
import { post } from './support/http';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });

  return { lines, logger: createLogger({ destination, level: 'info' }) };
}

describe('standalone sandbox', () => {
  it('applies the documented defaults, read lag 2000 ms included', () => {
    expect(parseStandaloneEnv({})).toEqual({
      port: 4010,
      username: SANDBOX_DEFAULT_USERNAME,
      password: 'sandbox-password',
      callsPerMinute: 60,
      readLagMs: 2000,
    });
  });

  it('starts from the environment and logs where it listens, without the password', async () => {
    const { lines, logger } = capturingLogger();
    const sandbox = await runStandaloneSandbox(
      {
        SANDBOX_PORT: '0',
        SANDBOX_USERNAME: 'dev@example.com',
        SANDBOX_PASSWORD: 'very-secret-value',
        SANDBOX_CALLS_PER_MINUTE: '0',
        SANDBOX_READ_LAG_MS: '0',
      },
      logger,
    );
    try {
      const login = await post(sandbox, 'posv3/user/EmployeeLogin', {
        UserName: 'dev@example.com',
        Password: 'very-secret-value',
      });

      expect(login.json.Result).toBe(true);
      const output = lines.join('');
      expect(output).toContain(`${sandbox.url}/api/`);
      expect(output).not.toContain('very-secret-value');
    } finally {
      await sandbox.close();
    }
  });

  it('fails naming every bad value, and never echoes the password', () => {
    const attempt = () =>
      parseStandaloneEnv({
        SANDBOX_PORT: 'abc',
        SANDBOX_CALLS_PER_MINUTE: '-5',
        SANDBOX_READ_LAG_MS: '1.5',
        SANDBOX_USERNAME: 'ok@example.com',
      });

    expect(attempt).toThrow(/SANDBOX_PORT .*'abc'/);
    expect(attempt).toThrow(/SANDBOX_CALLS_PER_MINUTE .*'-5'/);
    expect(attempt).toThrow(/SANDBOX_READ_LAG_MS .*'1.5'/);
    expect(() => parseStandaloneEnv({ SANDBOX_PORT: '99999' })).toThrow(
      /SANDBOX_PORT must be a port/,
    );
  });

  it('rejects from runStandaloneSandbox too, before listening', async () => {
    await expect(
      runStandaloneSandbox({ SANDBOX_PORT: 'x' }, capturingLogger().logger),
    ).rejects.toThrow(/invalid sandbox environment/);
  });
});
