// Test double for the Store contract, used only by the seed tests so they can check the seed logic
// without PGlite. It hashes secrets and passwords on write like the real store, because
// ensureBootstrap relies on that to decide whether a rewrite is needed.
import { hashClientSecret, hashPassword, isHashed } from '../auth/secrets.ts';
import { StoreError, type Resource, type ResourceType, type Store } from '../store/types.ts';

export interface FakeStore extends Store {
  /** Number of writes per "Type/id", to prove idempotence. */
  writes: Map<string, number>;
  /** Present only with `{ bulk: true }`; counts its calls in `bulkCalls`. */
  putMany?: (type: ResourceType, resources: Resource[]) => Promise<void>;
  bulkCalls: number;
}

export function createFakeStore(opts: { bulk?: boolean } = {}): FakeStore {
  const data = new Map<string, Resource>();
  const writes = new Map<string, number>();
  const key = (type: string, id: string): string => `${type}/${id}`;

  function put(type: ResourceType, id: string, resource: Resource): Resource {
    const prev = data.get(key(type, id));
    const version = Number(prev?.meta?.versionId ?? '0') + 1;
    const stored: Resource = { ...resource, resourceType: type, id };
    if (type === 'Client' && typeof stored.secret === 'string' && !isHashed(stored.secret)) {
      stored.secret = hashClientSecret(stored.secret);
    }
    if (type === 'User' && typeof stored.password === 'string' && !isHashed(stored.password)) {
      stored.password = hashPassword(stored.password);
    }
    stored.meta = { versionId: String(version), lastUpdated: new Date().toISOString() };
    data.set(key(type, id), stored);
    writes.set(key(type, id), (writes.get(key(type, id)) ?? 0) + 1);
    return stored;
  }

  const unsupported = (): never => {
    throw new Error('not supported by the fake store');
  };

  const store: FakeStore = {
    writes,
    bulkCalls: 0,
    read: (type, id) => Promise.resolve(data.get(key(type, id))),
    create: (type, resource) => {
      if (data.has(key(type, resource.id))) {
        return Promise.reject(new StoreError('exists', `${type}/${resource.id} exists`));
      }
      return Promise.resolve(put(type, resource.id, resource));
    },
    update: (type, id, resource) => {
      const created = !data.has(key(type, id));
      return Promise.resolve({ resource: put(type, id, resource), created });
    },
    list: (type) => Promise.resolve([...data.values()].filter((r) => r.resourceType === type)),
    transaction: (fn) => fn(store),
    vread: unsupported,
    delete: unsupported,
    history: unsupported,
    search: unsupported,
    query: unsupported,
    close: () => Promise.resolve(),
  };
  if (opts.bulk) {
    store.putMany = (type, resources) => {
      store.bulkCalls += 1;
      for (const r of resources) put(type, r.id, r);
      return Promise.resolve();
    };
  }
  return store;
}
