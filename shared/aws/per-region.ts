/** A client made once per container and region, then reused by every invocation. */
export function oncePerRegion<T>(make: (region: string) => T): (region: string) => T {
  const made = new Map<string, T>();
  return (region) => {
    let client = made.get(region);
    if (client === undefined) made.set(region, (client = make(region)));
    return client;
  };
}
