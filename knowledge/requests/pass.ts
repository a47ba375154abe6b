import { z } from 'zod';
import { addDays, addMonths } from '../calendar';

/** A PASS IAE lasts 24 months from the first day of the hire, end day included (730 days). */
export const PASS_DURATION_MONTHS = 24;

/** Last day of a PASS IAE starting on `startDate`: start + 24 months − 1 day (month ends clamped). */
export function passEndDate(startDate: string): string {
  return addDays(addMonths(startDate, PASS_DURATION_MONTHS), -1);
}

/**
 * A PASS IAE number as the national platform prints it: 12 characters, letters and digits
 * (spaces ignored), e.g. `XXXXX2612345`.
 */
export const passNumberSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{12}$/, 'a PASS IAE number has 12 letters or digits'));

export const passIssueSchema = z
  .object({
    number: passNumberSchema,
    startDate: z.iso.date(),
  })
  .strict();

export type PassIssueInput = z.input<typeof passIssueSchema>;

export interface Pass {
  readonly number: string;
  readonly startDate: string;
  readonly endDate: string;
}

export function issuePass(input: PassIssueInput): Pass {
  const { number, startDate } = passIssueSchema.parse(input);
  return { number, startDate, endDate: passEndDate(startDate) };
}
