import { ComponentDialog, type Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { AdviserRegistry } from '../../stores/requests/adviserRegistry';
import type { Audience } from '../shared/audience';
import { isPersonalConversation } from '../shared/conversationScope';
import { tr } from '../shared/turnLocale';
import { adviserOf } from './adviserDialog';

/** The adviser's menu: the request queue and the quick lookup first, then eligibility and figures. */
export const ADVISER_MENU = ['adviser', 'search', 'eligibility', 'stats'] as const;

/** Registered advisers (Teams identity in the registry), in their personal chat with the bot. */
export function adviserAudience(advisers: AdviserRegistry): Audience {
  return {
    id: 'adviser',
    welcome: (t, name) => [name ? t('teams:adviserHelloNamed', { name }) : t('teams:adviserHello'), t('teams:adviserSpace')].join(' '),
    menu: ADVISER_MENU,
    async identify(context) {
      const adviser = await adviserOf(context, advisers);
      return adviser ? { ...(adviser.name ? { name: adviser.name } : {}) } : undefined;
    },
  };
}

/**
 * Starts a dialog only in a one-to-one chat; in a Teams channel or group chat it says where to go
 * instead, so that nothing private is shown to the others there.
 */
export class PersonalOnlyDialog extends ComponentDialog {
  constructor(private readonly inner: Dialog) {
    super(`${inner.id}.personalOnly`);
    this.addDialog(inner);
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    if (isPersonalConversation(innerDc.context.activity)) return innerDc.beginDialog(this.inner.id, options);
    await innerDc.context.sendActivity(tr(innerDc.context)('teams:personalOnly'));
    return innerDc.endDialog();
  }
}
