/** A module imported on demand, once; a failed import (a dropped connection) is tried again next time. */
export function lazyModule<T>(importer: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= importer().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
