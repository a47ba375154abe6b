import { z } from 'zod';
import { SIAE_KINDS } from '../directory/kinds';
import { foldText } from '../text/fold';
import commandsFile from './lexicons/commands.json';

const folded = z
  .string()
  .min(1)
  .refine((s) => foldText(s) === s, { message: 'phrase must be folded (lower case, no accents, single spaces)' });
const phrases = z.array(folded).min(1);

export const COMMANDS = ['help', 'menu', 'back', 'cancel', 'restart', 'english', 'french', 'person', 'easyFrench', 'easyEnglish', 'easy', 'standardFrench', 'standardEnglish'] as const;
export type CommandName = (typeof COMMANDS)[number];

const commandsSchema = z
  .object({
    $comment: z.string(),
    commands: z.record(z.enum(COMMANDS), phrases),
    menuSynonyms: z.record(z.string().regex(/^[a-zA-Z]+$/), phrases),
    anyKind: phrases,
    anyPlace: phrases,
    kindWords: z.partialRecord(z.enum(SIAE_KINDS), phrases),
  })
  .strict();

export type CommandLexicon = z.infer<typeof commandsSchema>;

let cached: CommandLexicon | undefined;

/** The command phrases, menu synonyms and « any kind » words (lexicons/commands.json), validated once. */
export function commandLexicon(): CommandLexicon {
  cached ??= commandsSchema.parse(commandsFile);
  return cached;
}

const POLITENESS = /\b(s il vous plait|s il te plait|svp|stp|please|merci)\b/g;

/** The command a whole message is (politeness around it allowed), if any. */
export function commandOf(text: string | undefined): CommandName | undefined {
  if (!text) return undefined;
  const message = foldText(text).replace(POLITENESS, '').replace(/\s+/g, ' ').trim();
  if (!message) return undefined;
  const { commands } = commandLexicon();
  return COMMANDS.find((name) => commands[name].includes(message));
}
