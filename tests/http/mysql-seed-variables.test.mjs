// `patron migrate` (and the rest of the CLI) against an existing MySQL database
// and user named by the seed's MYSQL_DB_* variables, DATABASE_URL unset; the
// password holds characters that a URL would otherwise split on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKEND, DATABASE_URL, PATRON_BIN, serverSql } from './harness.mjs';

const skip = BACKEND === 'mysql' ? false : 'needs a MySQL/MariaDB server: set PATRON_TEST_DATABASE_URL=mysql://…';

test('migrate and admin create on an existing seed-style MySQL database and user', { skip }, () => {
  const tag = crypto.randomBytes(4).toString('hex');
  const name = `loyalty_seed_${tag}`, user = `shop_${tag}`, password = `p@ss:w/rd%${tag}`;
  const u = new URL(DATABASE_URL);
  serverSql(`CREATE DATABASE ${name}`);
  serverSql(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
  serverSql(`GRANT ALL PRIVILEGES ON ${name}.* TO '${user}'@'%'`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'patron-seed-'));
  try {
    const env = { ...process.env, MYSQL_DB_NAME: name, MYSQL_DB_USER: user, MYSQL_DB_PASSWORD: password,
      MYSQL_DB_HOST: u.hostname, MYSQL_DB_PORT: u.port, JWT_SECRET: crypto.randomBytes(32).toString('hex') };
    delete env.DATABASE_URL;
    const run = (args) => spawnSync(PATRON_BIN, args, { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    const first = run(['migrate']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /schema at version [1-9]\d* \([1-9]\d* applied\)/);
    const again = run(['migrate']);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /\(0 applied\)/);
    const admin = run(['admin', 'create', '--email', 'seed@shop.test', '--password', 'admin12345', '--role', 'admin']);
    assert.equal(admin.status, 0, admin.stderr);
    const tables = serverSql(`SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '${name}'`);
    assert.ok(Number(tables.trim().split('\n').pop()) >= 17, tables);
    const users = serverSql(`SELECT email FROM ${name}.users`);
    assert.match(users, /seed@shop\.test/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    serverSql(`DROP DATABASE IF EXISTS ${name}`);
    serverSql(`DROP USER IF EXISTS '${user}'@'%'`);
  }
});
