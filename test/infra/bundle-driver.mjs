// Runs one bundled function in this fresh Node process, as Lambda would: imports the bundle once,
// then calls its handler for each event the test sends over IPC and sends back the result.
// CLOCK_OFFSET_MS moves this process's clock forward (the deadline bundle fires terms weeks ahead).
const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0);
if (offset) {
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  };
}
const bundle = await import(process.argv[2]);
process.on('message', async ({ id, event }) => {
  try {
    process.send({ id, result: (await bundle.handler(event)) ?? null });
  } catch (e) {
    process.send({ id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
process.send({ ready: typeof bundle.handler });
