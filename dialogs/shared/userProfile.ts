import type { StatePropertyAccessor, UserState } from 'botbuilder';
import type { Locale, Wording } from '../../locales/i18n';

/** What the assistant remembers about a person between conversations: their language and wording choices. */
export interface UserProfile {
  locale?: Locale;
  /** `easy` after « français facile »; absent = standard. */
  wording?: Wording;
}

export function userProfileAccessor(userState: UserState): StatePropertyAccessor<UserProfile> {
  return userState.createProperty<UserProfile>('profile');
}
