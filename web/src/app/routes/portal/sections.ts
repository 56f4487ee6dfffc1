import type { Section } from '../section';
import { AccountPage } from './AccountPage';
import { ActivityPage } from './ActivityPage';
import { FeedbackPage } from './FeedbackPage';
import { HomePage } from './HomePage';
import { OffersPage } from './OffersPage';
import { PreferencesPage } from './PreferencesPage';
import { RewardsPage } from './RewardsPage';
import { ShopPage } from './ShopPage';

/** The portal's sections in the order of its navigation; `mobile`: also a tab of the phone's bottom bar. */
export const PORTAL_SECTIONS: (Section & { mobile: boolean })[] = [
  { path: '', label: 'Home', icon: 'home', page: HomePage, mobile: true },
  { path: 'offers', label: 'For you', icon: 'sparkle', page: OffersPage, mobile: true },
  { path: 'activity', label: 'Activity', icon: 'activity', page: ActivityPage, mobile: true },
  { path: 'rewards', label: 'Rewards', icon: 'gift', page: RewardsPage, mobile: true },
  { path: 'shop', label: 'Shop', icon: 'cart', page: ShopPage, mobile: true },
  { path: 'preferences', label: 'Preferences', icon: 'sliders', page: PreferencesPage, mobile: false },
  // Feedback and Preferences are one tap from Account on a phone (its Settings card): six tabs fit 320 px.
  { path: 'feedback', label: 'Feedback', icon: 'chat', page: FeedbackPage, mobile: false },
  { path: 'account', label: 'Account', icon: 'user', page: AccountPage, mobile: true },
];
