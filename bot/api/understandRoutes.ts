import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Understand } from '../../dialogs/shared/understanding';
import { sendValidationProblem } from '../http/problem';
import { toLocale, DEFAULT_LOCALE } from '../../locales/i18n';
import { MAX_INPUT_LENGTH, refOf } from '../../knowledge/territory';
import { territoryOf } from './territoryParam';

/** Longest message read (longer ones are refused: nobody types more in a chat). */
export const MAX_UNDERSTAND_CHARS = 2000;

const bodySchema = z
  .object({
    text: z.string().max(MAX_UNDERSTAND_CHARS, `must be at most ${MAX_UNDERSTAND_CHARS} characters`),
    locale: z
      .string()
      .max(20)
      .refine((l) => toLocale(l) !== undefined, 'must be a French or English locale (fr-FR, en-US…)')
      .optional(),
    departement: z.string().regex(/^(\d{2,3}|2[AB])$/, 'must be a département code').optional(),
    territory: z
      .string()
      .trim()
      .max(MAX_INPUT_LENGTH)
      .refine((typed) => territoryOf(typed) !== undefined, 'must name one place: a code or ref the API returns (972, 200041788, 972-NORD, region:02, FR…) or a name')
      .optional(),
  })
  .strict();

/**
 * `POST /api/v1/understand {text, locale, departement?, territory?}` → `{intent, slots, confidence}`:
 * what the bot's dialogs understand of a message (the same function), for partner tools and for
 * evaluation. Places are read for the guichet's territory (`options.territory`, TERRITORY) unless the
 * call gives its own (`territory`; "FR": the whole country).
 */
export function registerUnderstandRoutes(server: Server, understand: Understand, options: { territory?: string } = {}): void {
  server.post('/api/v1/understand', async (req: Request, res: Response) => {
    const parsed = bodySchema.safeParse(req.body);
    if (!parsed.success) return sendValidationProblem(res, parsed.error);
    const { text, locale, departement } = parsed.data;
    const given = parsed.data.territory !== undefined ? territoryOf(parsed.data.territory) : undefined;
    const territory = given ? refOf(given) : options.territory;
    const context = { ...(departement ? { departement } : {}), ...(territory ? { territory } : {}) };
    const result = understand(text, toLocale(locale) ?? DEFAULT_LOCALE, Object.keys(context).length > 0 ? context : undefined);
    res.send(200, { intent: result.intent, slots: result.slots, confidence: result.confidence });
  });
}
