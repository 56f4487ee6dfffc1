// Waiting on a condition instead of sleeping a fixed time: polls until the
// condition holds, and fails with a message after a generous bound, so a slow
// machine only makes a test slower, and a broken one fails instead of hanging.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Resolves with the first truthy value `condition` returns (it may be async);
// throws `message` (a string or a function of the last value) after `timeoutMs`.
export async function waitFor(condition, { timeoutMs = 60_000, intervalMs = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await condition();
    if (last) return last;
    if (Date.now() >= deadline) {
      const what = typeof message === 'function' ? message(last) : message;
      throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(intervalMs);
  }
}

// Resolves with `promise`, or throws once `timeoutMs` has passed without it.
export async function within(timeoutMs, promise, what) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
