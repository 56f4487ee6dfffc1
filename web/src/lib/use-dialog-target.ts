import { useState } from 'react';

/**
 * What a dialog is open on, or null while it is closed. `open` first runs
 * `onOpen`, which clears what the last opening left behind (its request's
 * error, a notice), so a dialog never opens on an old failure.
 */
export function useDialogTarget<T>(onOpen?: () => void) {
  const [target, setTarget] = useState<T | null>(null);
  const open = (next: T) => {
    onOpen?.();
    setTarget(next);
  };
  return { target, open, close: () => setTarget(null) };
}
