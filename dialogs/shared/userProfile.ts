import type { StatePropertyAccessor, UserState } from 'botbuilder';
import type { Locale } from '../../locales/i18n';

/** What the assistant remembers about a person between conversations: only their language choice. */
export interface UserProfile {
  locale?: Locale;
}

export function userProfileAccessor(userState: UserState): StatePropertyAccessor<UserProfile> {
  return userState.createProperty<UserProfile>('profile');
}
