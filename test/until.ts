/**
 * Polls `probe` every `intervalMs` until its value `holds`, and answers that value; throws after
 * `timeoutMs` with the last value seen. For tests that wait for a condition instead of a fixed time.
 */
export async function until<T>(
  probe: () => T | Promise<T>,
  holds: (value: T) => boolean,
  timeoutMs: number,
  intervalMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (holds(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
