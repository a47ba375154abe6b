import type { Middleware } from 'botbuilder';
import { teamsMentions } from './teamsMentions';
import { teamsRendering } from './teamsRendering';

/**
 * What every adapter runs for Teams (the Bot Framework adapter, the web chat's, the tests'): the
 * @mentions taken out before the text is read, and replies rewritten to what Teams can show.
 * Both do nothing on other channels.
 */
export const teamsMiddleware: readonly Middleware[] = [teamsMentions, teamsRendering];
