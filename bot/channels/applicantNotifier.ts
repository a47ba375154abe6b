import { TurnContext, type ConversationReference, type Storage } from 'botbuilder';
import { translator, type Locale } from '../../locales/i18n';
import type { RequestStatus } from '../../knowledge/requests';
import type { ApplicantNotices } from '../../dialogs/requests/applicantNotices';
import { turnLocale } from '../../dialogs/shared/turnLocale';

/** Delivers a message into an existing conversation (the channel adapters do it; see proactive.ts). */
export interface ProactiveSender {
  /** False when the conversation can no longer be reached. */
  send(reference: Partial<ConversationReference>, text: string): Promise<boolean>;
}

interface Stored {
  reference: Partial<ConversationReference>;
  locale: Locale;
}

const keyOf = (requestId: string) => `proactive/requests/${requestId}`;

/**
 * Tells applicants when an adviser moves their request. At submission the applicant's conversation
 * reference (channel ids, no text) is kept next to the request; deleted with it. The sender is
 * attached once the channel adapters exist.
 */
export class ApplicantNotifier implements ApplicantNotices {
  private sender?: ProactiveSender;

  constructor(private readonly storage: Storage) {}

  attach(sender: ProactiveSender): void {
    this.sender = sender;
  }

  async remember(requestId: string, context: TurnContext): Promise<void> {
    const stored: Stored = { reference: TurnContext.getConversationReference(context.activity), locale: turnLocale(context) };
    await this.storage.write({ [keyOf(requestId)]: stored });
  }

  async forget(requestIds: readonly string[]): Promise<void> {
    if (requestIds.length) await this.storage.delete(requestIds.map(keyOf));
  }

  /** True when the applicant was told. Never throws: a missed notice does not undo the move. */
  async notify(requestId: string, reference: string, status: RequestStatus): Promise<boolean> {
    try {
      const stored = (await this.storage.read([keyOf(requestId)]))[keyOf(requestId)] as Stored | undefined;
      if (!stored || !this.sender) return false;
      const t = translator(stored.locale);
      return await this.sender.send(stored.reference, t('followUp:notice', { reference, status: t(`followUp:statuses.${status}`) }));
    } catch {
      return false;
    }
  }
}
