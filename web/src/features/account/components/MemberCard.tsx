import { useState } from 'react';
import { Barcode, Button, Card, Dialog } from '@/components/ui';
import type { Me } from '../types';

/** "4000 1234 5678" for reading aloud; the barcode carries the number as is. */
export function groupCardNumber(card: string): string {
  return card.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The member card: the card number as a Code 128 barcode the till scans, with
 * the number printed under it, and a full-screen view to hold up to a scanner.
 */
export function MemberCard({ me, className }: { me: Me; className?: string }) {
  const [fullScreen, setFullScreen] = useState(false);
  const number = groupCardNumber(me.card_number);
  return (
    <Card title="Member card" className={['member-card', className].filter(Boolean).join(' ')} data-testid="member-card">
      <p className="muted small">Show this at the till to earn points and use your rewards.</p>
      <Barcode value={me.card_number} label={`Member card barcode, number ${number}`} caption={number} />
      <div>
        <Button variant="secondary" onClick={() => setFullScreen(true)}>
          Show full screen
        </Button>
      </div>
      <Dialog
        open={fullScreen}
        title="Your member card"
        onClose={() => setFullScreen(false)}
        className="dialog--fullscreen"
        footer={
          <Button block onClick={() => setFullScreen(false)}>
            Done
          </Button>
        }
      >
        <div className="member-card__full" data-testid="member-card-full">
          <p className="member-card__name">{me.name}</p>
          <p className="muted">{me.account.tier?.name ?? 'Member'}</p>
          <Barcode value={me.card_number} label={`Member card barcode, number ${number}`} caption={number} size="large" />
          <p className="muted small">Turn your screen brightness up if the scanner cannot read it.</p>
        </div>
      </Dialog>
    </Card>
  );
}
