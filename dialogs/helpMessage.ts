import type { TurnContext } from 'botbuilder';
import type { Feature } from './feature';
import { tr } from './shared/turnLocale';

/** The features this person can use here (an adviser's space only for a registered adviser on Teams). */
async function usableHere(context: TurnContext, features: readonly Feature[]): Promise<Feature[]> {
  const usable = await Promise.all(features.map((f) => (f.availableTo ? f.availableTo(context).catch(() => false) : true)));
  return features.filter((_, i) => usable[i]);
}

/**
 * The general help: what the assistant can do for this person on this channel (only what exists,
 * each once) and the commands that always work.
 */
export async function sendHelp(context: TurnContext, features: readonly Feature[], dialogHelpKey?: string): Promise<void> {
  const t = tr(context);
  const lines: string[] = [];
  if (dialogHelpKey) lines.push(t(dialogHelpKey), '');
  const usable = await usableHere(context, features);
  if (usable.length > 0) {
    lines.push(t('common:help.intro'), ...usable.map((f) => `- ${t(f.helpKey)}`), '');
  }
  lines.push(t('common:help.commands'));
  await context.sendActivity(lines.join('\n'));
}
