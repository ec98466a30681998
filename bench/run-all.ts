/** `npm run bench`: every benchmark, each printing its figure and the target it is compared with. */
import { printRulesThroughput } from './rules-throughput.js';

const results = [printRulesThroughput()];
process.exitCode = results.every(Boolean) ? 0 : 1;
