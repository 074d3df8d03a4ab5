import type { BenchSuite } from './suite'
import { contactsBench } from './contacts.bench'
import { contactImportBench } from './contacts-import.bench'
import { historyBench } from './history.bench'
import { callSetupBench } from './call-setup.bench'
import { coldStartBench } from './cold-start.bench'
import { audioBench, selfHealingBench } from './audio.bench'
import { dtmfBench } from './dtmf.bench'
import { presenceBoardBench } from './presence-board.bench'

/**
 * Every benchmark suite `npm run bench` runs, in order. To add figures, write a suite
 * (`{ name, run(): Promise<BenchFigure[]> }`, see bench/suite.ts) and append it here.
 */
export const suites: BenchSuite[] = [
  callSetupBench,
  coldStartBench,
  contactsBench,
  contactImportBench,
  historyBench,
  audioBench,
  selfHealingBench,
  dtmfBench,
  presenceBoardBench,
]
