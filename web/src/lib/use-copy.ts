import { useState } from 'react';

const COPIED_SHOWN_MS = 2000;

/**
 * Copies the text to the clipboard; `copied` stays true for two seconds after,
 * for the button to say so. A blocked clipboard (plain HTTP on a LAN) copies
 * nothing and says nothing, so a caller keeps another way to the text.
 */
export function useCopy(text: string) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), COPIED_SHOWN_MS);
    } catch {
      // Blocked: nothing is copied, and the caller offers another way to the text.
    }
  };
  return { copied, copy };
}
