import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { projectPath, projectRoot } from '../../knowledge/projectFiles';

/**
 * Writes a report a person may want to read after the run (evaluation misses, screenshots' notes)
 * into test-output/ (git-ignored), so the test log stays short. Returns the path to show.
 */
export function writeTestOutput(name: string, text: string): string {
  mkdirSync(projectPath('test-output'), { recursive: true });
  const path = projectPath('test-output', name);
  writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
  return relative(projectRoot, path);
}

/** One line of figures that the summary reporter prints at the end of the run. */
export function writeRunSummary(name: string, line: string): void {
  mkdirSync(projectPath('test-output', 'summaries'), { recursive: true });
  writeFileSync(projectPath('test-output', 'summaries', `${name}.txt`), `${line}\n`);
}
