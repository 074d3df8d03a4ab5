import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { message } from '../../contract/i18n/catalogue'
import { defineHandlers, HandlerError } from '../ipc/handlers'
import type { MainPart, PartContext } from '../parts'
import type { PolicyLoad } from '../policy/admin-policy'
import { diagnosticsBundle } from './diagnostics'
import type { Redactor } from './redact'

export interface DiagnosticsPorts {
  /** Where to write the bundle: Electron asks with a save dialog, the headless main uses a fixed path. */
  chooseTarget(defaultName: string): Promise<string | null>
  versions(): Record<string, string>
  logFiles(): string[]
  redactor: Redactor
  now?: () => Date
}

export const diagnosticsFileName = (at: Date) =>
  `parley-diagnostics-${at.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.txt`

/** Owns `diagnostics:save`: builds the bundle and writes it (0600) where the user chose. */
export function diagnosticsPart(ports: DiagnosticsPorts, policy: PolicyLoad) {
  return (context: PartContext): MainPart => ({
    name: 'diagnostics',
    handlers: defineHandlers({
      'diagnostics:save': async () => {
        const at = ports.now?.() ?? new Date()
        const target = await ports.chooseTarget(diagnosticsFileName(at))
        if (target === null) return null
        const logs = ports
          .logFiles()
          .map((path) => ({ name: basename(path), text: readFileSync(path, 'utf8') }))
        const text = diagnosticsBundle(
          {
            at,
            versions: ports.versions(),
            account: context.account.state(),
            preferences: context.preferences(),
            policy,
            logs,
          },
          ports.redactor,
        )
        try {
          writeFileSync(target, text, { mode: 0o600 })
          chmodSync(target, 0o600)
        } catch (error) {
          context.logger.warn('Diagnostics could not be written', error)
          const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
          throw new HandlerError('storage', message('reason.diagnostics-not-written', { code }))
        }
        context.logger.info(`Diagnostics written to ${target}`)
        return target
      },
    }),
  })
}
