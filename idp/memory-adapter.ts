/**
 * oidc-provider storage kept in memory (sessions, grants, interactions…): lost on restart, shared
 * by the provider instances of one server so that reloading the signing keys keeps sessions.
 * oidc-provider's own in-memory adapter is private to each instance.
 */
type Payload = Record<string, unknown> & {
  grantId?: string;
  uid?: string;
  userCode?: string;
  consumed?: number;
};

interface Entry {
  payload: Payload;
  expiresAt?: number;
}

/** One store; `adapterFactory` gives oidc-provider an adapter per model name on top of it. */
export class MemoryStore {
  private entries = new Map<string, Entry>();
  private grants = new Map<string, Set<string>>();

  get(key: string): Payload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: Payload, expiresIn?: number): void {
    this.entries.set(key, {
      payload,
      expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined,
    });
    if (payload.grantId) {
      const keys = this.grants.get(payload.grantId) ?? new Set<string>();
      keys.add(key);
      this.grants.set(payload.grantId, keys);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  revokeGrant(grantId: string): void {
    for (const key of this.grants.get(grantId) ?? []) this.entries.delete(key);
    this.grants.delete(grantId);
  }

  /** Drops expired entries (called now and then so the maps do not grow forever). */
  sweep(): void {
    for (const key of this.entries.keys()) this.get(key);
  }

  /** The adapter factory for oidc-provider's `adapter` setting. */
  adapterFactory(): (model: string) => object {
    return (model: string) => {
      const key = (id: string) => `${model}:${id}`;
      return {
        upsert: (id: string, payload: Payload, expiresIn?: number) => {
          this.set(key(id), payload, expiresIn);
          if (model === 'Session' && payload.uid)
            this.set(`sessionUid:${payload.uid}`, { id }, expiresIn);
          if (payload.userCode) this.set(`userCode:${payload.userCode}`, { id }, expiresIn);
          return Promise.resolve();
        },
        find: (id: string) => Promise.resolve(this.get(key(id))),
        findByUid: (uid: string) => {
          const ref = this.get(`sessionUid:${uid}`);
          return Promise.resolve(typeof ref?.id === 'string' ? this.get(key(ref.id)) : undefined);
        },
        findByUserCode: (userCode: string) => {
          const ref = this.get(`userCode:${userCode}`);
          return Promise.resolve(typeof ref?.id === 'string' ? this.get(key(ref.id)) : undefined);
        },
        consume: (id: string) => {
          const payload = this.get(key(id));
          if (payload) payload.consumed = Math.floor(Date.now() / 1000);
          return Promise.resolve();
        },
        destroy: (id: string) => Promise.resolve(this.delete(key(id))),
        revokeByGrantId: (grantId: string) => Promise.resolve(this.revokeGrant(grantId)),
      };
    };
  }
}
