/**
 * The few `Reflect` metadata functions tsyringe (a dependency of
 * @peculiar/x509) checks for and calls at load time: `getMetadata`,
 * `getOwnMetadata`, `defineMetadata`, and `metadata` for tslib's decorators.
 * The usual answer is the `reflect-metadata` package, which is not installed;
 * this is the same contract on a WeakMap, installed only when absent and only
 * by `serve --https`, just before @peculiar/x509 is loaded.
 */
type Key = unknown;
type Prop = string | symbol | undefined;

interface ReflectMetadata {
  defineMetadata(key: Key, value: unknown, target: object, prop?: Prop): void;
  getOwnMetadata(key: Key, target: object, prop?: Prop): unknown;
  hasOwnMetadata(key: Key, target: object, prop?: Prop): boolean;
  getMetadata(key: Key, target: object, prop?: Prop): unknown;
  metadata(key: Key, value: unknown): (target: object, prop?: Prop) => void;
}

export function installReflectMetadata(): void {
  const R = Reflect as unknown as Partial<ReflectMetadata>;
  if (typeof R.getMetadata === 'function') return;
  const store = new WeakMap<object, Map<Prop, Map<Key, unknown>>>();
  const table = (target: object, prop: Prop, make: boolean): Map<Key, unknown> | undefined => {
    let byProp = store.get(target);
    if (!byProp) {
      if (!make) return undefined;
      byProp = new Map();
      store.set(target, byProp);
    }
    let t = byProp.get(prop);
    if (!t && make) {
      t = new Map();
      byProp.set(prop, t);
    }
    return t;
  };
  const shim: ReflectMetadata = {
    defineMetadata: (key, value, target, prop) => void table(target, prop, true)!.set(key, value),
    getOwnMetadata: (key, target, prop) => table(target, prop, false)?.get(key),
    hasOwnMetadata: (key, target, prop) => table(target, prop, false)?.has(key) ?? false,
    getMetadata: (key, target, prop) => {
      for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
        const m = table(t, prop, false);
        if (m?.has(key)) return m.get(key);
      }
      return undefined;
    },
    metadata: (key, value) => (target, prop) => shim.defineMetadata(key, value, target, prop),
  };
  Object.assign(Reflect, shim);
}
