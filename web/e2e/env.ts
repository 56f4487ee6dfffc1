// Shared between the global setup (which starts the server) and the tests.
export const STAFF_EMAIL = 'staff@test.local';
export const STAFF_PASSWORD = 'staff12345';

export function baseUrl(): string {
  const url = process.env.PATRON_BASE_URL;
  if (!url) throw new Error('PATRON_BASE_URL is not set: the global setup did not start the server.');
  return url;
}
