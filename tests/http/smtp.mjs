// A real local SMTP server for the tests (tests/http/smtp_sink.py on Debian's
// python3-aiosmtpd): start() resolves once it listens; mails are read back
// from its folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PYTHON = process.env.PATRON_TEST_PYTHON ?? '/usr/bin/python3';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class SmtpSink {
  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patron-smtp-'));
  }

  async start() {
    this.child = spawn(PYTHON, [path.join(import.meta.dirname, 'smtp_sink.py'), this.dir, '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    this.child.stderr.on('data', (d) => { err += d; });
    this.port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the SMTP sink did not start in 10 s: ${err}`)), 10_000);
      this.child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code}): ${err} (apt-get install python3-aiosmtpd)`)));
      this.child.stdout.on('data', (d) => {
        const m = /ready (\d+)/.exec(String(d));
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
      });
    });
    this.url = `smtp://127.0.0.1:${this.port}`;
    return this;
  }

  async stop() {
    if (this.child && this.child.exitCode === null) {
      const gone = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      await gone;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  // Every message so far to `address`: {rcpt, text}.
  mailsTo(address) {
    return fs.readdirSync(this.dir).filter((f) => f.endsWith('.eml')).sort()
      .map((f) => fs.readFileSync(path.join(this.dir, f), 'utf8'))
      .map((text) => ({ rcpt: /^X-Rcpt-To: (.*)$/m.exec(text)?.[1] ?? '', text }))
      .filter((m) => m.rcpt.toLowerCase().split(', ').includes(address.toLowerCase()));
  }

  // Waits (10 s at most) until `count` messages to `address` have arrived.
  async waitFor(address, count = 1) {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const mails = this.mailsTo(address);
      if (mails.length >= count) return mails;
      await sleep(50);
    }
    throw new Error(`no ${count} mail(s) to ${address} in 10 s (have ${this.mailsTo(address).length})`);
  }
}

// The token in a reset mail's link.
export function resetToken(mail) {
  const m = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!m) throw new Error(`no reset link in:\n${mail.text}`);
  return m[1];
}
