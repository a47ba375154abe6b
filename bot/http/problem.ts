import type { Response } from 'restify';
import type { ZodError } from 'zod';

/** The one error body every HTTP endpoint answers with: a stable code, a plain message, the field. */
export interface Problem {
  error: { code: string; message: string; field?: string };
}

export function sendProblem(res: Response, status: number, code: string, message: string, field?: string): void {
  const body: Problem = { error: { code, message, ...(field ? { field } : {}) } };
  res.send(status, body);
}

/** A 400 naming the first invalid field of a zod validation. */
export function sendValidationProblem(res: Response, error: ZodError): void {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message = issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'invalid request';
  sendProblem(res, 400, 'invalid_request', message, field);
}
