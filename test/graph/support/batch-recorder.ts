import type { BatchObserver, LoaderName } from '../../../src/resolvers/loaders';

/** Records every loader batch of a request, so tests assert batching itself, not just results. */
export class BatchRecorder {
  readonly batches: { loader: LoaderName; keys: unknown[] }[] = [];

  readonly observer: BatchObserver = ({ loader, keys }) => {
    this.batches.push({ loader, keys: [...keys] });
  };

  of(loader: LoaderName): unknown[][] {
    return this.batches.filter((batch) => batch.loader === loader).map((batch) => batch.keys);
  }
}
