import type { TurnContext } from 'botbuilder';
import type { Feature } from './feature';
import { tr } from './shared/turnLocale';

/** The general help: what the assistant can do (only what exists) and the commands that always work. */
export async function sendHelp(context: TurnContext, features: readonly Feature[], dialogHelpKey?: string): Promise<void> {
  const t = tr(context);
  const lines: string[] = [];
  if (dialogHelpKey) lines.push(t(dialogHelpKey), '');
  if (features.length > 0) {
    lines.push(t('common:help.intro'), ...features.map((f) => `- ${t(f.helpKey)}`), '');
  }
  lines.push(t('common:help.commands'));
  await context.sendActivity(lines.join('\n'));
}
