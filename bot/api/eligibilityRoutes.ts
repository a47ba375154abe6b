import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { DEFAULT_LOCALE, toLocale, translator, type Locale } from '../../locales/i18n';
import {
  CRITERIA,
  NOT_COVERED,
  criterionTextKey,
  describeEligibility,
  earliestSupportedDate,
  EligibilityError,
  evaluateEligibility,
  inForceOn,
  MAX_YEARS_AHEAD,
  parseEligibilityRequest,
  proofAgeText,
  rulesOn,
} from '../../knowledge/eligibility';
import { addYears, isCalendarDate, todayInParis } from '../../knowledge/calendar';
import { sendProblem } from '../http/problem';

export interface EligibilityRoutesOptions {
  /** Today's date, YYYY-MM-DD (default: today in Paris); the bot gives its territory's day (bot/index.ts). */
  today?: () => string;
}

const criteriaQuery = z
  .object({
    asOf: z.string().max(20).optional(),
    lang: z.string().max(20).optional(),
  })
  .strict();

/** The language of the answer: `?lang=` first, then Accept-Language (by preference), else French. */
export function requestLocale(req: Request): Locale {
  const query = (req.query ?? {}) as Record<string, unknown>;
  if (typeof query.lang === 'string') return toLocale(query.lang) ?? DEFAULT_LOCALE;
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * The eligibility API: `POST /api/v1/eligibility` (which SIAE kinds can hire a person on their own
 * diagnosis, with texts in the request's language) and `GET /api/v1/criteria[?asOf=&lang=]` (the
 * catalogue). Every bad input is a 400 `{error: {code, message, field}}`.
 */
export function registerEligibilityRoutes(server: Server, options: EligibilityRoutesOptions = {}): void {
  const today = options.today ?? (() => todayInParis());

  server.post('/api/v1/eligibility', async (req: Request, res: Response) => {
    const parsed = parseEligibilityRequest(req.body, today());
    if (!parsed.ok) return sendProblem(res, 400, parsed.error.code, parsed.error.message, parsed.error.field);
    try {
      const result = evaluateEligibility(parsed.value.situation, parsed.value.asOf);
      res.send(200, describeEligibility(result, requestLocale(req)));
    } catch (error) {
      if (error instanceof EligibilityError) return sendProblem(res, 400, error.code, error.message, error.field);
      throw error;
    }
  });

  server.get('/api/v1/criteria', async (req: Request, res: Response) => {
    const parsed = criteriaQuery.safeParse(req.query ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : issue.path.map(String).join('.');
      return sendProblem(res, 400, issue.code === 'unrecognized_keys' ? 'unknown_field' : 'invalid_type', `${field}: ${issue.message}`, field);
    }
    const now = today();
    const asOf = parsed.data.asOf ?? now;
    if (!isCalendarDate(asOf)) return sendProblem(res, 400, 'invalid_date', 'asOf must be a real date written YYYY-MM-DD', 'asOf');
    const latest = addYears(now, MAX_YEARS_AHEAD);
    if (asOf < earliestSupportedDate() || asOf > latest) {
      return sendProblem(res, 400, 'as_of_out_of_range', `asOf must be between ${earliestSupportedDate()} and ${latest}`, 'asOf');
    }
    const t = translator(requestLocale(req));
    const rules = rulesOn(asOf);
    res.send(200, {
      asOf,
      rulesVersion: rules.version,
      thresholds: rules.thresholds,
      durations: rules.durations,
      notCovered: NOT_COVERED,
      criteria: CRITERIA.map((c) => ({
        key: c.key,
        level: c.level,
        group: c.group,
        label: t(criterionTextKey(c.key, 'label')),
        question: t(criterionTextKey(c.key, 'question')),
        questionAdviser: t(criterionTextKey(c.key, 'questionAdviser')),
        explain: t(criterionTextKey(c.key, 'explain')),
        proof: t(criterionTextKey(c.key, 'proof')),
        proofAge: c.proofAge,
        proofAgeText: proofAgeText(t, c.proofAge),
        derivedFrom: c.derivedFrom,
        validFrom: c.validFrom,
        ...(c.validTo !== undefined ? { validTo: c.validTo } : {}),
        source: c.source,
        inForce: inForceOn(c, asOf) === 'in_force',
      })),
    });
  });
}
