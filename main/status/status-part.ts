import { join } from 'node:path'
import type { PresenceStatus } from '../../contract/presence/status'
import type { StatusChange, StatusSnapshot } from '../../contract/presence/schemas'
import { message } from '../../contract/i18n/catalogue'
import { defineHandlers, HandlerError } from '../ipc/handlers'
import type { Logger } from '../log/logger'
import type { MainPart } from '../parts'
import type { AdminPolicy } from '../policy/admin-policy'
import { StatusStore, type StatusFile } from './status-store'

export const statusFileName = 'status.json'

export interface StatusPartOptions {
  dataDir: string
  logger: Logger
  policy: AdminPolicy
}

/**
 * The one owner of the admin's rules for "My status": a hidden status cannot be set (by hand
 * or in a schedule), and a locked schedule cannot be changed. A locked schedule is the admin's
 * own when the policy gives one, else whatever the user had (a lock freezes it).
 */
export function statusRules(policy: AdminPolicy) {
  const hidden: PresenceStatus[] = [...(policy.values.hiddenStatuses ?? [])]
  const scheduleLocked = policy.locked.includes('statusSchedule')
  const preset = policy.values.statusSchedule
  return {
    snapshot(file: StatusFile): StatusSnapshot {
      const schedule = (scheduleLocked ? (preset ?? file.schedule) : (file.schedule ?? preset)) ?? []
      return {
        record: file.record,
        schedule,
        hidden,
        scheduleLocked,
        ...(file.publication ? { publication: file.publication } : {}),
      }
    },
    check(change: StatusChange): void {
      if (change.schedule && scheduleLocked)
        throw new HandlerError('locked', message('reason.schedule-locked'))
      const used = [
        ...(change.record?.manual ? [change.record.manual.value.status] : []),
        ...(change.schedule ?? []).map((entry) => entry.status),
      ]
      const refused = used.find((status) => hidden.includes(status))
      if (refused)
        throw new HandlerError(
          'forbidden',
          message('reason.status-not-allowed', { status: message(`status.${refused}`) }),
        )
    },
  }
}

/** My status, its schedule and their admin rules (Node only: Electron and the headless harness). */
export function statusPart(options: StatusPartOptions): MainPart {
  const store = new StatusStore(join(options.dataDir, statusFileName), options.logger)
  const rules = statusRules(options.policy)
  return {
    name: 'status',
    handlers: defineHandlers({
      'status:get': () => rules.snapshot(store.get()),
      'status:save': async (change) => {
        rules.check(change)
        try {
          return rules.snapshot(await store.save(change))
        } catch (error) {
          options.logger.error('Status: could not be saved', error)
          throw new HandlerError('storage', message('reason.status-not-saved'))
        }
      },
    }),
    start: () => store.start(),
    stop: () => store.stop(),
  }
}
