// Preloaded with `node --import ./bench/max-rss.mjs …`: at exit, writes the process's peak RSS
// (getrusage ru_maxrss, in KiB on Linux) to the file named by TUSOI_BENCH_RSS. Exact for short
// processes, where sampling /proc misses the peak.
import { writeFileSync } from 'node:fs';

const out = process.env.TUSOI_BENCH_RSS;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
