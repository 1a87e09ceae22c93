// Preloaded into measured Node processes: reports their peak RSS when they exit (exact, unlike polling).
const { writeFileSync } = require('node:fs');
const target = process.env.TRACKLINT_BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
