import { warmUpFaq } from '../knowledge/faq';
import { CORPUS, describe, metrics, offTopicFalseAnswerRate, runCorpus, type Metrics } from './faq/evaluate';
import { crossValidate, CV_FOLDS, evaluateCorpus, evaluateFarHeldout, FAR_LIKENESS, report } from './understanding/evaluate';

/**
 * `npm run eval`: the measured quality of what the assistant understands, on the labelled corpora
 * in this folder. Prints, per split (development = the examples it learns from, held-out, all), intent accuracy, slot F1 and the
 * confusion pairs of the understanding function (`--cv`: 5-fold cross-validation on the development part instead), then the FAQ search's top-1 accuracy, then every
 * remaining error. The jest tests hold the same figures at their floors.
 */
function main(): void {
  if (process.argv.includes('--cv')) {
    const e = crossValidate();
    process.stdout.write(`${report(`development, ${CV_FOLDS}-fold cross-validation`, e)}\n${e.errors.filter((x) => x.startsWith('intent')).map((x) => `  ${x}`).join('\n')}\n`);
    return;
  }
  const understanding = evaluateCorpus();
  const out: string[] = ['# Understanding (eval/understanding/corpus)', ''];
  for (const [name, e] of understanding) out.push(report(name, e), '');
  out.push(report(`blind (heldout + clusters), far from development (shares < ${FAR_LIKENESS * 100} % of its words with every example)`, evaluateFarHeldout()), '');
  out.push('Remaining errors (held-out):', ...understanding.get('heldout')!.errors.map((x) => `  ${x}`), '');
  out.push('Remaining errors (clusters, the second blind set):', ...understanding.get('clusters')!.errors.map((x) => `  ${x}`), '');
  out.push('Remaining errors (development):', ...understanding.get('development')!.errors.map((x) => `  ${x}`));

  warmUpFaq();
  const outcomes = runCorpus(CORPUS);
  const line = (name: string, m: Metrics) =>
    `${name}: top-1 ${(m.top1 * 100).toFixed(1)}% (n=${m.count}), answered right ${(m.answeredRight * 100).toFixed(1)}%, answered wrong ${(m.answeredWrong * 100).toFixed(1)}%`;
  const all = metrics(outcomes);
  const off = offTopicFalseAnswerRate(outcomes);
  out.push(
    '',
    '# FAQ search (eval/faq/corpus.json)',
    '',
    line('dev', metrics(outcomes.filter((o) => o.question.split === 'dev'))),
    line('held-out', metrics(outcomes.filter((o) => o.question.split === 'holdout'))),
    line('all', all),
    `off-topic: ${(off.rate * 100).toFixed(1)}% answered (n=${off.count})`,
    'Misses:',
    ...all.failures.map((o) => `  ${describe(o)}`),
  );
  process.stdout.write(out.join('\n') + '\n');
}

main();
