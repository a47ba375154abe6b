/**
 * How an entry names the section of ../shared/domain/<file> its facts come from: the heading's
 * text without a trailing parenthesis, lower-cased, accents and punctuation dropped, spaces as
 * hyphens. "## Who does what (territorial ecosystem)" → `who-does-what`; "## Durations" →
 * `durations`; "## The 18 criteria" → `the-18-criteria`.
 */
export function sectionSlug(heading: string): string {
  return heading
    .replace(/\s*\([^)]*\)\s*$/, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** The slugs of all level-2 and level-3 headings of a markdown text. */
export function sectionSlugs(markdown: string): string[] {
  return [...markdown.matchAll(/^#{2,3}\s+(.+)$/gm)].map((m) => sectionSlug(m[1]!));
}
