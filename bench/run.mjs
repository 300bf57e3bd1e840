// `npm run bench`: every benchmark of the project, one table.
// Usage: node bench/run.mjs [--quick] [--json FILE] [--only startup,questionnaire,interview,summary,merge,resume-code,refusals,serve]
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { printTable } from './lib.mjs';
import { startupBench } from './startup.mjs';
import { questionnaireBench } from './questionnaire.mjs';
import { interviewBench } from './interview.mjs';
import { mergeBench } from './merge.mjs';
import { summaryBench } from './summary.mjs';
import { resumeCodeBench } from './resume-code.mjs';
import { refusalBench } from './refusals.mjs';
import { serveBench } from './serve.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonAt = args.indexOf('--json');
const runs = quick ? 5 : 25;
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set(args[onlyAt + 1].split(',')) : undefined;
const wanted = (name) => only === undefined || only.has(name);

const rows = [];
process.stderr.write(`tusoi bench: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${runs} runs per figure\n`);
if (wanted('startup')) rows.push(...(await startupBench(runs)));
if (wanted('questionnaire')) rows.push(...(await questionnaireBench(runs)));
if (wanted('interview')) rows.push(...(await interviewBench(runs)));
if (wanted('summary')) rows.push(...(await summaryBench(runs, { quick })));
if (wanted('merge')) rows.push(...(await mergeBench({ quick })));
if (wanted('resume-code')) rows.push(...(await resumeCodeBench(runs)));
if (wanted('refusals')) rows.push(...refusalBench(runs));
if (wanted('serve')) rows.push(...(await serveBench({ quick })));
printTable(rows);
if (jsonAt >= 0) writeFileSync(args[jsonAt + 1], JSON.stringify({ node: process.version, cpus: os.cpus().length, rows }, null, 2));
const failed = rows.filter((r) => !r.pass);
if (failed.length) process.stderr.write(`${failed.length} figure(s) missed the target: ${failed.map((r) => r.figure).join(', ')}\n`);
