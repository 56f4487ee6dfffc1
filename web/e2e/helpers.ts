import AxeBuilder from '@axe-core/playwright';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseUrl, STAFF_EMAIL, STAFF_PASSWORD } from './env';

const SCREENS_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'test-results', 'screens');
export const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
];

/** Waits until no skeleton or spinner is on screen and no animation runs (a dialog fading in). */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('.skeleton, .spinner')).toHaveCount(0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** Saves the screen at 375 px and at 1280 px under test-results/screens, then restores the viewport. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const original = page.viewportSize();
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await settled(page);
    await page.screenshot({ path: join(SCREENS_DIR, `${name}-${size.width}.png`), fullPage: true, animations: 'disabled' });
  }
  if (original) await page.setViewportSize(original);
}

/** axe-core on the current screen: no serious or critical violation of WCAG 2.1 A/AA. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious, `accessibility violations on ${screen}`).toEqual([]);
}

export interface AdminApi {
  ctx: APIRequestContext;
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  get<T>(path: string): Promise<T>;
}

/** Signs in as the seeded admin through the API, for setup the UI does not need to show. */
export async function adminApi(): Promise<AdminApi> {
  const ctx = await request.newContext({ baseURL: baseUrl() });
  const login = await ctx.post('/api/v1/auth/login', { data: { email: STAFF_EMAIL, password: STAFF_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { access_token } = (await login.json()) as { access_token: string };
  const auth = { Authorization: `Bearer ${access_token}` };
  return {
    ctx,
    async post<T>(path: string, body: unknown, headers: Record<string, string> = {}) {
      const response = await ctx.post(`/api/v1${path}`, { data: body, headers: { ...auth, ...headers } });
      expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
      return (await response.json()) as T;
    },
    async get<T>(path: string) {
      const response = await ctx.get(`/api/v1${path}`, { headers: auth });
      expect(response.status(), `GET ${path}: ${await response.text()}`).toBe(200);
      return (await response.json()) as T;
    },
  };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `patron <args>` with the environment of the server the global setup
 * started (same database). Null when the suite runs against a server it did
 * not start (PATRON_E2E_BASE_URL): the CLI cannot reach that database.
 */
export function runCli(args: string[], timeoutMs = 60_000): CliResult | null {
  const bin = process.env.PATRON_E2E_BIN;
  const cliEnv = process.env.PATRON_E2E_CLI_ENV;
  if (!bin || !cliEnv) return null;
  const result = spawnSync(bin, args, { env: { ...process.env, ...(JSON.parse(cliEnv) as Record<string, string>) }, encoding: 'utf8', timeout: timeoutMs });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** YYYY-MM-DD of `days` days before today (UTC). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
