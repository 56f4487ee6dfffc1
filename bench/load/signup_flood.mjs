// A sign-up flood for bench/load/signup_flood.sh: CLIENTS loops, each posting
// POST /api/v1/auth/register back to back until SIGTERM, then one JSON line of
// what the server answered. Each request comes from another loopback address
// (127.1.0.1, 127.1.0.2, …): a flood from many machines, which the per-client
// sign-up throttle cannot stop; what keeps purchases fast then is the bounded,
// low-priority password pool. (wrk cannot choose its source address, hence node.)
// Usage: node signup_flood.mjs BASE_URL [CLIENTS]
import http from 'node:http';

const base = new URL(process.argv[2]);
const clients = Number(process.argv[3] ?? 6);
const counts = {};
let sent = 0;
let stopping = false;
const started = process.hrtime.bigint();

function address(n) {
  // 127.1.0.1 … 127.255.255.254: millions of distinct clients.
  const v = (n % 16_000_000) + 1;
  return `127.${1 + (v >> 16)}.${(v >> 8) & 255}.${(v & 255) || 1}`;
}

function signUp(n) {
  const body = JSON.stringify({ email: `flood${process.pid}-${n}@example.test`, password: `flood-password-${n}`, name: `Flood ${n}` });
  return new Promise((resolve) => {
    const req = http.request({ host: base.hostname, port: base.port, path: '/api/v1/auth/register', method: 'POST',
      localAddress: address(n), agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
    });
    req.on('error', (e) => resolve(e.code ?? 'error'));
    req.end(body);
  });
}

async function loop() {
  while (!stopping) {
    const status = await signUp(sent++);
    counts[status] = (counts[status] ?? 0) + 1;
  }
}

const loops = Array.from({ length: clients }, loop);
process.on('SIGTERM', async () => {
  stopping = true;
  await Promise.all(loops);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const created = counts['201'] ?? 0;
  process.stdout.write(`${JSON.stringify({ clients, seconds: Number(seconds.toFixed(3)), answers: counts,
    signups_per_second: Number((created / seconds).toFixed(1)) })}\n`);
  process.exit(0);
});
