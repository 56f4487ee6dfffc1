import { Link } from 'react-router-dom';
import { Card } from '@/components/ui';

const STEPS: { title: string; text: string; link?: { to: string; label: string } }[] = [
  { title: 'Show your card at the till', text: 'The cashier scans your member card barcode, or types its number.' },
  { title: 'Earn points on every purchase', text: 'Points land in your balance as soon as the purchase is recorded.' },
  { title: 'Swap points for rewards', text: 'Redeem in the app and show the voucher code at checkout.', link: { to: '/rewards', label: 'Browse rewards' } },
  { title: 'Tell us what you like', text: 'Your favourite categories and brands shape the offers you get.', link: { to: '/preferences', label: 'Set your preferences' } },
];

/** Home for a member with no activity yet: a welcome and how earning works, instead of empty lists. */
export function WelcomeCard({ firstName, className }: { firstName: string; className?: string }) {
  return (
    <Card title={`Welcome to Patron${firstName ? `, ${firstName}` : ''}`} className={['welcome-card', className].filter(Boolean).join(' ')} data-testid="welcome">
      <p className="muted">Here is how your membership works.</p>
      <h3 className="subheading">How to earn</h3>
      <ol className="steps">
        {STEPS.map((step) => (
          <li key={step.title} className="steps__item">
            <strong>{step.title}</strong>
            <span className="muted small">{step.text}</span>
            {step.link && (
              <Link className="steps__link" to={step.link.to}>
                {step.link.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
