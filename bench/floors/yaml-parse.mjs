// The floor for validating the bundled questionnaire: load yaml and parse the file, nothing else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { parseDocument, LineCounter } = createRequire(import.meta.url)('yaml');
parseDocument(readFileSync(new URL('../../questionnaires/nq4-khoa-xii.yaml', import.meta.url), 'utf8'), { lineCounter: new LineCounter() });
