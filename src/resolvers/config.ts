import { z } from 'zod';

/**
 * How the read graph spends the upstream budget. A plain typed object so the server can map
 * environment variables onto it (REFERENCE_TTL_SECONDS, INVENTORY_TTL_SECONDS,
 * BACKGROUND_REFRESH); `resolveGraphConfig` fills defaults and lists every problem at once.
 */
export interface GraphConfig {
  /** Freshness of locations, rooms, vendors and LSP catalogs. @default 300 */
  referenceTtlSeconds: number;
  /** Freshness of a location's inventory. @default 30 */
  inventoryTtlSeconds: number;
  /**
   * How long past its TTL a reference entry is still answered while one refresh runs behind it.
   * @default 300
   */
  referenceStaleSeconds: number;
  /**
   * The same for inventory. At 55 calls a minute the background refresh can renew each of 18
   * inventories only about once a minute (reference data takes its share too), so the stale
   * window must reach past that for a dashboard never to wait. @default 60
   */
  inventoryStaleSeconds: number;
  /** Keep reference data and inventory warm within the budget. @default true (tests pass false) */
  backgroundRefresh: boolean;
  /**
   * How long an inventory or catalog snapshot stays pageable after it was cut or last paged.
   * Never below 600: a mirror job must be able to page for ten minutes. @default 600
   */
  snapshotRetentionSeconds: number;
  /** Page size when `first`/`last` is not given. @default 50 */
  defaultPageSize: number;
  /** The largest `first`/`last` accepted. @default 1000 */
  maxPageSize: number;
}

export const MIN_SNAPSHOT_RETENTION_SECONDS = 600;

const GraphConfigSchema = z
  .object({
    referenceTtlSeconds: z.number().int().positive().default(300),
    inventoryTtlSeconds: z.number().int().positive().default(30),
    referenceStaleSeconds: z.number().int().nonnegative().default(300),
    inventoryStaleSeconds: z.number().int().nonnegative().default(60),
    backgroundRefresh: z.boolean().default(true),
    snapshotRetentionSeconds: z
      .number()
      .int()
      .min(MIN_SNAPSHOT_RETENTION_SECONDS)
      .default(MIN_SNAPSHOT_RETENTION_SECONDS),
    defaultPageSize: z.number().int().positive().default(50),
    maxPageSize: z.number().int().positive().default(1000),
  })
  .refine((config) => config.defaultPageSize <= config.maxPageSize, {
    message: 'defaultPageSize must not exceed maxPageSize',
    path: ['defaultPageSize'],
  });

export class InvalidGraphConfigError extends Error {
  readonly code = 'INVALID_GRAPH_CONFIG';
  readonly problems: readonly string[];

  constructor(problems: string[]) {
    super(`Invalid graph configuration: ${problems.join('; ')}`);
    this.name = 'InvalidGraphConfigError';
    this.problems = problems;
  }
}

/** Defaults filled in; every invalid value reported together. */
export function resolveGraphConfig(input: Partial<GraphConfig> = {}): GraphConfig {
  const parsed = GraphConfigSchema.safeParse(input);

  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || '(config)'}: ${issue.message}`,
    );

    throw new InvalidGraphConfigError(problems);
  }

  return parsed.data;
}
