import { render } from '../../contract/i18n'
import type { AccountState } from '../../contract/ipc'
import type { Preferences } from '../../contract/schemas'
import type { PolicyLoad } from '../policy/admin-policy'
import type { Redactor } from './redact'

export interface DiagnosticsInput {
  at: Date
  /** App, Electron, Chromium, Node, OS … as the composition root knows them. */
  versions: Record<string, string>
  account: AccountState
  preferences: Preferences
  policy: PolicyLoad
  /** Log files, oldest first, with their names. */
  logs: { name: string; text: string }[]
}

const section = (title: string, body: string) => `===== ${title} =====\n${body.trimEnd()}\n\n`
const json = (value: unknown) => JSON.stringify(value, null, 2)

/**
 * The one file an IT admin attaches to a ticket: versions, settings and policy, then the logs.
 * Account and preferences are written field by field from what main serves the window, which
 * never holds the password; the whole text then goes through the redactor, so a secret that
 * slipped into a log line or a TURN URL is taken out as well.
 */
export function diagnosticsBundle(input: DiagnosticsInput, redactor: Redactor): string {
  const { account, policy } = input
  const text = [
    `Parley diagnostics, written ${input.at.toISOString()}\n`,
    'Passwords and authorization values are removed from this file.\n\n',
    section(
      'Versions',
      Object.entries(input.versions)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n'),
    ),
    section(
      'Account',
      json({
        account: account.account,
        passwordStored: account.hasPassword,
        lockedByPolicy: account.locked,
        notices: account.notices,
      }),
    ),
    section('Preferences', json(input.preferences)),
    section(
      'Admin policy',
      json({
        status: policy.status,
        path: policy.path,
        ...(policy.status === 'rejected' ? { problem: render('en', policy.problem) } : {}),
        values: policy.policy.values,
        locked: policy.policy.locked,
      }),
    ),
    ...input.logs.map((log) => section(`Log ${log.name}`, log.text || '(empty)')),
  ].join('')
  return redactor.redact(text)
}
