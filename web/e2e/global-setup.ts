// Starts the real Patron server on a fresh database for the end-to-end suite:
//   PATRON_BIN admin create … (seed the staff user), then PATRON_BIN serve,
// with every store in a new temporary folder, and waits for GET /healthz.
// PATRON_E2E_BASE_URL=<url> runs the suite against a server already running.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAFF_EMAIL, STAFF_PASSWORD } from './env';
import { E2E_STRIPE_SECRET_KEY, E2E_STRIPE_WEBHOOK_SECRET, startStripeStandIn } from './stripe-stand-in';

const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HEALTH_TIMEOUT_MS = 60_000;
const ADMIN_CREATE_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** 64 characters from [A-Za-z0-9_-]. */
const jwtSecret = () => randomBytes(48).toString('base64url').slice(0, 64);

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`patron serve exited with code ${child.exitCode}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`${url}/healthz`);
      // Only our own process counts: another server may hold a reused port.
      if (response.ok && (await response.json()).pid === child.pid) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`patron serve did not answer ${url}/healthz within ${HEALTH_TIMEOUT_MS} ms:\n${tail(logFile)}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** Starts tests/http/smtp_sink.py; null (the reset journey is then skipped) when python3-aiosmtpd is missing. */
async function startSmtpSink(dir: string): Promise<{ child: ChildProcess; port: number } | null> {
  const script = resolve(WEB_DIR, '../tests/http/smtp_sink.py');
  const child = spawn(process.env.PATRON_TEST_PYTHON ?? '/usr/bin/python3', [script, dir, '0'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const port = await new Promise<number | null>((done) => {
    const timer = setTimeout(() => done(null), 10_000);
    child.once('error', () => done(null));
    child.once('exit', () => done(null));
    child.stdout?.on('data', (d: Buffer) => {
      const m = /ready (\d+)/.exec(String(d));
      if (m) {
        clearTimeout(timer);
        done(Number(m[1]));
      }
    });
  });
  if (port === null) {
    console.log('[e2e] no SMTP sink (apt-get install python3-aiosmtpd): the password reset journey is skipped');
    await stop(child);
    return null;
  }
  return { child, port };
}

/** PATRON_BIN (relative to web/), which must be an executable. */
function patronBinary(): string {
  const bin = resolve(WEB_DIR, process.env.PATRON_BIN ?? '../build/release/patron');
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    throw new Error(`The Patron server binary ${bin} is missing or not executable. Build it first (make build), or set PATRON_BIN.`);
  }
  return bin;
}

/** The staff user every spec signs in as; without it the data folder is removed and the run stops. */
function seedStaffUser(bin: string, env: NodeJS.ProcessEnv, dataDir: string): void {
  const seeded = spawnSync(bin, ['admin', 'create', '--email', STAFF_EMAIL, '--password', STAFF_PASSWORD, '--role', 'admin'], {
    env,
    encoding: 'utf8',
    timeout: ADMIN_CREATE_TIMEOUT_MS,
  });
  if (seeded.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`"patron admin create" failed (status ${seeded.status}):\n${seeded.stdout}\n${seeded.stderr}`);
  }
}

/** `patron serve` once it answers at `url`; when it does not, it is stopped and the data folder removed. */
async function serve(bin: string, env: NodeJS.ProcessEnv, dataDir: string, url: string): Promise<{ child: ChildProcess; logFile: string }> {
  const logFile = join(dataDir, 'server.log');
  const log = openSync(logFile, 'a');
  const child = spawn(bin, ['serve'], { env, stdio: ['ignore', log, log] });
  try {
    await waitForHealth(url, child, logFile);
  } catch (error) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return { child, logFile };
}

export default async function globalSetup(): Promise<(() => Promise<void>) | void> {
  if (process.env.PATRON_E2E_BASE_URL) {
    process.env.PATRON_BASE_URL = process.env.PATRON_E2E_BASE_URL.replace(/\/$/, '');
    return;
  }
  const bin = patronBinary();
  const webRoot = join(WEB_DIR, 'dist');
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`${webRoot}/index.html is missing: run "npm run build" first.`);

  const dataDir = mkdtempSync(join(tmpdir(), 'patron-e2e-'));
  const port = await freePort();
  // The shop's Stripe calls go to a local stand-in (e2e/stripe-stand-in.ts).
  const stripe = await startStripeStandIn();
  process.env.PATRON_E2E_STRIPE_URL = stripe.url;
  // A real local SMTP server for "Forgot password?" (python3-aiosmtpd): mails land in <data>/mail.
  const mailDir = join(dataDir, 'mail');
  const smtp = await startSmtpSink(mailDir);
  const env = {
    ...process.env,
    ...(smtp ? { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    PORT: String(port),
    DATABASE_URL: `sqlite://${dataDir}/patron.db`,
    DOCUMENT_STORE: `rocksdb://${dataDir}/documents`,
    JWT_SECRET: jwtSecret(),
    PATRON_WEB_ROOT: webRoot,
    STRIPE_SECRET_KEY: E2E_STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: E2E_STRIPE_WEBHOOK_SECRET,
    STRIPE_API_BASE: stripe.url,
  };

  seedStaffUser(bin, env, dataDir);

  const url = `http://127.0.0.1:${port}`;
  const { child, logFile } = await serve(bin, env, dataDir, url);
  process.env.PATRON_BASE_URL = url;
  process.env.PATRON_E2E_SERVER_LOG = logFile;
  if (smtp) process.env.PATRON_E2E_MAIL_DIR = mailDir;
  // The server's SQLite file, for a spec that must move a stored time into the past (there is no fake clock).
  process.env.PATRON_E2E_SQLITE_FILE = join(dataDir, 'patron.db');
  // For tests that run the CLI on the server's database (patron gen-data, patron analyze all).
  process.env.PATRON_E2E_BIN = bin;
  process.env.PATRON_E2E_CLI_ENV = JSON.stringify({ DATABASE_URL: env.DATABASE_URL, DOCUMENT_STORE: env.DOCUMENT_STORE, JWT_SECRET: env.JWT_SECRET, PATRON_WEB_ROOT: webRoot });
  console.log(`[e2e] patron serve on ${url} (data in ${dataDir})`);

  return async () => {
    await stop(child);
    await stripe.close();
    if (smtp) await stop(smtp.child);
    if (process.env.PATRON_E2E_KEEP_DATA) console.log(`[e2e] kept ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  };
}
