import { afterEach, describe, expect, it } from 'vitest';
import { DashboardDocument } from '../documents/generated/graphql';
import type { Location } from '../../src/dutchie/models';
import { BackgroundRefresher } from '../../src/resolvers/background-refresher';
import { cachePolicies } from '../../src/resolvers/services';
import { eventually } from '../client/support/harness';
import { startGraphHarness, type GraphHarness } from './support/graph-harness';

let harness: GraphHarness;
afterEach(() => harness.close());

function refresherOf(h: GraphHarness): BackgroundRefresher {
  const { client, cache, fetchers, config, clock, logger } = h.services;

  return new BackgroundRefresher({
    client,
    cache,
    fetchers,
    policies: cachePolicies(config),
    clock,
    logger,
  });
}

/** The most calls the sandbox saw in any rolling minute. */
function busiestMinute(h: GraphHarness): number {
  const times = h.sandbox.requests.all().map((request) => request.at);

  return Math.max(
    0,
    ...times.map((start) => times.filter((t) => t >= start && t < start + 60_000).length),
  );
}

describe('the budget-aware background refresh', () => {
  it('refreshes one entry per tick in round-robin order, starting with the location list', async () => {
    harness = await startGraphHarness();
    const refresher = refresherOf(harness);

    const outcomes = [];
    for (let i = 0; i < 5; i += 1) outcomes.push(await refresher.tick());

    expect(outcomes).toEqual([
      { refreshed: 'locations:all' },
      { refreshed: 'rooms:1989' },
      { refreshed: 'vendors:1989' },
      { refreshed: 'inventory:1989' },
      { refreshed: 'rooms:1993' },
    ]);
  });

  it('waits while the rolling minute is half full, then resumes where it stopped', async () => {
    harness = await startGraphHarness();
    const refresher = refresherOf(harness);
    await refresher.tick();
    // A dashboard's reads fill the minute to half of the 55 calls.
    const locations = harness.services.cache.peek<Location[]>('locations', 'all')!;
    for (const location of locations.slice(0, 13)) {
      await harness.client.getRooms(location.locId);
      await harness.client.getVendors(location.locId);
    }
    expect(harness.client.budget().usedLastMinute).toBe(28);

    expect(await refresher.tick()).toEqual({ skipped: 'budget' });
    await harness.clock.advance(61_000);
    expect(await refresher.tick()).toEqual({ refreshed: 'rooms:1989' });
  });

  it('skips entries that are still fresh and refreshes them before they expire', async () => {
    harness = await startGraphHarness();
    const refresher = refresherOf(harness);
    for (let i = 0; i < 4; i += 1) await refresher.tick();
    const calls = harness.sandbox.requests.count();

    await harness.clock.advance(60_000);
    await refresher.tick();
    await refresher.tick();
    const names = harness.sandbox.requests
      .all()
      .slice(calls)
      .map((request) => request.endpoint);

    // The round-robin goes on at 1993 (never fetched) rather than back to 1989's inventory.
    expect(names).toEqual(['v2/room/get-rooms', 'vendor/get-vendors']);
  });

  it('keeps the dashboard warm within half the budget when left running', async () => {
    harness = await startGraphHarness({ config: { backgroundRefresh: true } });

    // Five minutes of fake time, each second only once the refresher is asleep again, so that
    // no tick is lost to the real time a loopback call takes.
    for (let second = 0; second < 300; second += 1) {
      await harness.clock.advance(1_000);
      await eventually(() => harness.clock.pendingSleepers > 0, 'the refresher to sleep');
    }
    const { cache } = harness.services;
    const locations = cache.peek<Location[]>('locations', 'all')!;

    expect(locations).toHaveLength(18);
    expect(busiestMinute(harness)).toBeLessThanOrEqual(27);
    // Every entry is young enough to be answered at once: fresh, or stale while it refreshes.
    for (const { locId } of locations) {
      expect(cache.ageMs('rooms', locId)).toBeLessThan(600_000);
      expect(cache.ageMs('vendors', locId)).toBeLessThan(600_000);
      expect(cache.ageMs('inventory', locId)).toBeLessThan(90_000);
    }

    await harness.services.close();
    const response = await harness.query(DashboardDocument);
    expect(response.errors).toBeUndefined();
    expect(response.extensions!.cost!.upstreamCalls).toBe(0);
  });
});
