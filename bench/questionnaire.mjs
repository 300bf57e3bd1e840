// In-process, warm: reading, parsing and validating the bundled questionnaire.
import { BIN, interleaved, median, row, ROOT } from './lib.mjs';

export async function questionnaireBench(runs) {
  const { loadQuestionnaireFile, bundledQuestionnaireFile } = await import(`${ROOT}/dist/questionnaire/load.js`);
  const file = bundledQuestionnaireFile('nq4-khoa-xii');
  for (let i = 0; i < 20; i++) loadQuestionnaireFile(file); // warm up the JIT
  const times = [];
  for (let i = 0; i < Math.max(50, runs * 4); i++) {
    const start = process.hrtime.bigint();
    const r = loadQuestionnaireFile(file);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!r.ok) throw new Error('bundled questionnaire invalid');
  }
  const warm = median(times);
  const { baseline } = interleaved({ baseline: { args: ['-e', '0'] } }, runs);
  void BIN;
  return [row('load + validate, warm, in-process', warm, 'ms', baseline, 'node -e 0', warm / baseline, '≤ 0.20×', warm / baseline <= 0.2)];
}
