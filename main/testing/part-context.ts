import type { Language } from '../../contract/i18n/language'
import type { Preferences } from '../../contract/schemas'
import type { AccountService } from '../account/account-service'
import { EventBus } from '../ipc/event-bus'
import { MemoryLogger } from '../log/logger'
import { CallSignals } from '../notifications/call-signals'
import type { PartContext } from '../parts'
import { startSourceImportWorker } from './source-import-worker'

/** A part's context for tests of parts that use only the event bus, logger and call signals. */
export function fakePartContext(language: Language = 'en'): PartContext {
  return {
    dataDir: '/nonexistent',
    events: new EventBus(),
    logger: new MemoryLogger(),
    account: {} as AccountService,
    preferences: () => ({}) as Preferences,
    language: () => language,
    calls: new CallSignals(),
    startImportWorker: startSourceImportWorker,
  }
}
