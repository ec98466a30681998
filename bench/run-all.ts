/** `npm run bench`: every benchmark, each printing its figure and the target it is compared with. */
import { printAnswerCost } from './answer-cost.js';
import { printEvaluateBench } from './evaluate.js';
import { printRealCorpus } from './real-corpus.js';
import { printRulesThroughput } from './rules-throughput.js';
import { printSchedulerBench } from './scheduler.js';

const results = [await printRulesThroughput(), await printRealCorpus(), await printSchedulerBench(), printEvaluateBench(), await printAnswerCost()];
process.exitCode = results.every(Boolean) ? 0 : 1;
