import { createHash } from 'node:crypto';
import { z } from 'zod';
import { structureSchema, type Structure, type StructureInput } from '../structure';
import type { ImportRejection, ImportWarning, ResolvedCommune } from './types';

/**
 * Field cleaning shared by the importers. A bad optional field (phone, e-mail, website, SIRET of a
 * JSON record) is dropped with a warning; the record is kept. Free text loses control and
 * invisible characters, and a leading formula sign ("=cmd", "+", "-", "@") so that a later export
 * to a spreadsheet cannot run it.
 */

/** Control characters, zero-width and bidirectional marks (they hide or reorder text). */
const INVISIBLE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/gu;
const FORMULA_START = /^[=+\-@\t\r|]+/;

export class RowIssues {
  readonly warnings: ImportWarning[] = [];
  constructor(readonly line: number) {}
  warn(field: string, message: string): void {
    this.warnings.push({ line: this.line, field, message });
  }
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Free text: NFC, invisible characters out, spaces collapsed, leading formula signs removed, cut at
 * `max` characters (with a warning). Undefined when nothing is left.
 */
export function cleanText(value: unknown, field: string, issues: RowIssues, max: number, options: { multiline?: boolean } = {}): string | undefined {
  const raw = asText(value);
  if (raw === undefined) {
    if (value !== undefined && value !== null) issues.warn(field, 'not text, dropped');
    return undefined;
  }
  let text = raw.normalize('NFC');
  // Line breaks survive only in multi-line text; every other invisible character goes.
  text = options.multiline ? text.replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ').replace(/\n{3,}/g, '\n\n') : text.replace(/\s+/g, ' ');
  text = text.replace(INVISIBLE, (ch) => (ch === '\n' ? ch : '')).trim();
  const stripped = text.replace(FORMULA_START, '').trim();
  if (stripped !== text) {
    issues.warn(field, 'leading formula characters removed');
    text = stripped;
  }
  if (!text) return undefined;
  if (text.length > max) {
    issues.warn(field, `cut to ${max} characters`);
    text = text.slice(0, max).trim();
  }
  return text;
}

/** SIRET with spaces removed, or undefined (with a warning when a value was there). */
export function cleanSiret(value: unknown, field: string, issues: RowIssues): string | undefined {
  const raw = asText(value);
  if (raw === undefined || raw.trim() === '') return undefined;
  const digits = raw.replace(/[\s.]/g, '');
  if (/^\d{14}$/.test(digits)) return digits;
  issues.warn(field, 'not a 14-digit SIRET, dropped');
  return undefined;
}

/** A 5-digit postal code; a 4-digit one lost its leading zero in a spreadsheet ("1000" → "01000"). */
export function cleanPostcode(value: unknown): string | undefined {
  const raw = asText(value)?.replace(/\s/g, '');
  if (!raw) return undefined;
  if (/^\d{5}$/.test(raw)) return raw;
  if (/^\d{4}$/.test(raw)) return `0${raw}`;
  return undefined;
}

/**
 * A French or international phone number, written "05 96 12 34 56" (10 digits) or "+596 596123456"
 * style ("+" and up to 15 digits). Dropped with a warning when it is not one.
 */
export function cleanPhone(value: unknown, field: string, issues: RowIssues): string | undefined {
  const raw = asText(value)?.trim();
  if (!raw) return undefined;
  const compact = raw.replace(/[\s.\-()/]/g, '');
  let result: string | undefined;
  if (/^0\d{9}$/.test(compact)) result = compact.replace(/(\d{2})(?=\d)/g, '$1 ');
  else if (/^(\+|00)[1-9]\d{6,14}$/.test(compact)) result = `+${compact.replace(/^(\+|00)/, '')}`;
  else if (/^\d{9}$/.test(compact) && /^[1-9]/.test(compact)) result = `0${compact}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  if (result && result.length <= 20) return result;
  issues.warn(field, 'not a phone number, dropped');
  return undefined;
}

const emailSchema = z.email().max(200);

export function cleanEmail(value: unknown, field: string, issues: RowIssues): string | undefined {
  const raw = asText(value)?.trim().replace(/^mailto:/i, '');
  if (!raw) return undefined;
  const at = raw.lastIndexOf('@');
  const email = at > 0 ? `${raw.slice(0, at)}@${raw.slice(at + 1).toLowerCase()}` : raw;
  if (emailSchema.safeParse(email).success) return email;
  issues.warn(field, 'not an e-mail address, dropped');
  return undefined;
}

const urlSchema = z.url({ protocol: /^https?$/ }).max(300);

/** http(s) URL; "www.example.org" gets "https://". Other schemes (javascript:, ftp:) are dropped. */
export function cleanWebsite(value: unknown, field: string, issues: RowIssues): string | undefined {
  const raw = asText(value)?.trim();
  if (!raw) return undefined;
  const url = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(raw) ? `https://${raw}` : raw;
  if (urlSchema.safeParse(url).success && /^https?:\/\/[^/\s]+\.[^/\s]+/i.test(url)) return url;
  issues.warn(field, 'not a web address (http or https), dropped');
  return undefined;
}

/** A source identifier made safe for `source:identifier` (≤ 80 of [A-Za-z0-9._-]); long ones hashed. */
export function idPart(raw: string): string {
  const safe = raw.trim().replace(/[^A-Za-z0-9._-]+/g, '_');
  if (safe.length > 0 && safe.length <= 80) return safe;
  return `h${createHash('sha256').update(raw).digest('hex').slice(0, 40)}`;
}

/** Runs structureSchema; a failure names the first field paths. */
export function validateStructure(input: StructureInput, line: number): { structure: Structure } | { rejection: ImportRejection } {
  const parsed = structureSchema.safeParse(input);
  if (parsed.success) return { structure: parsed.data };
  const reason = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`)
    .join('; ');
  return { rejection: { line, reason } };
}

/** A source value quoted for a rejection reason: at most 40 characters, invisible ones shown as '?'. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(short.replace(INVISIBLE, '?'));
}

/** The address lines of a record and the territory codes of its commune. */
export function placeFields(commune: ResolvedCommune, lines: { line1?: string; line2?: string; postcode?: string }): Pick<StructureInput, 'address' | 'territory'> {
  const { line1, line2, postcode } = lines;
  return {
    address: { communeName: commune.name, ...(line1 ? { line1 } : {}), ...(line2 ? { line2 } : {}), ...(postcode ? { postcode } : {}) },
    territory: { communeInsee: commune.insee, departement: commune.departement, region: commune.region, ...(commune.epci ? { epci: commune.epci } : {}) },
  };
}

/** A raw value and the source's name for its field (warnings name it). */
type Raw = [value: unknown, field: string];

/** The optional contact fields, each cleaned: a bad one is left out with a warning. */
export function contactFields(
  issues: RowIssues,
  raw: { siret?: Raw; phone?: Raw; email?: Raw; website?: Raw },
): Pick<StructureInput, 'siret' | 'phone' | 'email' | 'website'> {
  const siret = raw.siret && cleanSiret(raw.siret[0], raw.siret[1], issues);
  const phone = raw.phone && cleanPhone(raw.phone[0], raw.phone[1], issues);
  const email = raw.email && cleanEmail(raw.email[0], raw.email[1], issues);
  const website = raw.website && cleanWebsite(raw.website[0], raw.website[1], issues);
  return { ...(siret ? { siret } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}), ...(website ? { website } : {}) };
}

/** The contact fields of the JSON sources, which name them alike (siret, telephone, courriel, site_web). */
export function jsonContactFields(item: Record<string, unknown>, issues: RowIssues): Pick<StructureInput, 'siret' | 'phone' | 'email' | 'website'> {
  return contactFields(issues, {
    siret: [item.siret, 'siret'],
    phone: [item.telephone, 'telephone'],
    email: [item.courriel, 'courriel'],
    website: [item.site_web, 'site_web'],
  });
}
