import type { SipTraceLine } from '../../contract/schemas'
import { defineHandlers } from '../ipc/handlers'
import type { MainPart } from '../parts'
import { FileLogger } from './file-logger'
import type { Redactor } from './redact'

export const sipTraceFileName = 'sip-trace.log'

export interface SipTraceOptions {
  /** The log folder (the trace sits next to parley.log). */
  dir: string
  /** The log's redactor: it knows the password and the Authorization patterns. */
  redactor: Redactor
  /** The `sipTrace` preference (user switch or admin policy), read for every message. */
  enabled: () => boolean
  /** Per file; with `keep` rotated files the trace never passes (keep + 1) × maxBytes. */
  maxBytes?: number
  keep?: number
}

export interface SipTrace {
  part: MainPart
  /** The trace files, oldest first (for the diagnostics bundle). */
  files(): string[]
}

const arrow = (direction: SipTraceLine['direction']) => (direction === 'sent' ? '>>> sent' : '<<< received')

/**
 * Owns `sip-trace:write` and the rule that decides it: a message is written only while the
 * trace is switched on; otherwise it is dropped here. The file is the log's rotating 0600
 * writer with its redactor, so Authorization values and the password never reach the disk.
 */
export function sipTrace(options: SipTraceOptions): SipTrace {
  const file = new FileLogger({
    dir: options.dir,
    fileName: sipTraceFileName,
    maxBytes: options.maxBytes ?? 2_000_000,
    keep: options.keep ?? 2,
    level: 'info',
    redactor: options.redactor,
  })
  // Opened on the first message kept: with the trace off, nothing is created on disk at all.
  let open = false
  return {
    files: () => file.files(),
    part: {
      name: 'sip-trace',
      handlers: defineHandlers({
        'sip-trace:write': ({ direction, text }) => {
          if (!options.enabled()) return false
          if (!open) file.start()
          open = true
          file.info(`${arrow(direction)}\n${text.trimEnd()}`)
          return true
        },
      }),
      stop: () => {
        file.stop()
        open = false
      },
    },
  }
}
