import { message, type Message } from '../../contract/i18n'
import {
  noPolicy,
  loadPolicy,
  policyPath,
  safeDefaultPolicy,
  validatePolicy,
  type PolicyFileReader,
  type PolicyLoad,
} from './admin-policy'
import {
  posixPolicyTrust,
  windowsProgramData,
  windowsTrustProblem,
  type PosixOwnership,
} from './policy-trust'

export interface CommandResult {
  /** null when the program could not be started at all. */
  status: number | null
  stdout: string
}
export type CommandRunner = (command: string, args: string[]) => CommandResult

export const windowsPolicyKey = 'HKLM\\SOFTWARE\\Policies\\Parley'
export const macManagedPreferencesPath = '/Library/Managed Preferences/app.parley.softphone.plist'

const booleanKeys = new Set(['autoUpdate', 'closeToTray', 'sipTrace'])
const listKeys = new Set(['locked', 'iceServers', 'transferAllowlist'])

/**
 * Values of `reg query <key>` in the types an admin can set with Group Policy Preferences:
 * REG_SZ text, REG_DWORD 0/1 for switches, REG_MULTI_SZ (or a comma list in REG_SZ) for lists.
 */
export function parseRegQuery(stdout: string): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^\s+(\S+)\s+(REG_[A-Z_]+)(?:\s{4}(.*))?$/.exec(line)
    if (!match) continue
    const [, name, type, data = ''] = match as unknown as [string, string, string, string | undefined]
    if (name === '(Default)') continue
    if (type === 'REG_DWORD') {
      const number = Number.parseInt(data, 16)
      values[name] = booleanKeys.has(name) && (number === 0 || number === 1) ? number === 1 : number
    } else if (type === 'REG_MULTI_SZ') {
      values[name] = data.split('\\0').filter((item) => item !== '')
    } else if (listKeys.has(name)) {
      values[name] = data
        .split(/[,;]/)
        .map((item) => item.trim())
        .filter((item) => item !== '')
    } else {
      values[name] = data
    }
  }
  return values
}

/**
 * reg.exe by its full path: a bare "reg" is looked up in the current folder and PATH first,
 * where anyone could put a reg.exe answering with a policy of their own.
 */
export function regExePath(env: NodeJS.ProcessEnv): string {
  return `${env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows'}\\System32\\reg.exe`
}

/** Group Policy on Windows; null when the key does not exist. */
export function registryPolicy(run: CommandRunner, env: NodeJS.ProcessEnv): PolicyLoad | null {
  const result = run(regExePath(env), ['query', windowsPolicyKey])
  if (result.status !== 0) return null
  return validatePolicy(parseRegQuery(result.stdout), `registry ${windowsPolicyKey}`)
}

/** A configuration profile (MDM) on macOS; null when none is installed. */
export function managedPreferencesPolicy(
  fileExists: (path: string) => boolean,
  run: CommandRunner,
): PolicyLoad | null {
  if (!fileExists(macManagedPreferencesPath)) return null
  const result = run('plutil', ['-convert', 'json', '-o', '-', macManagedPreferencesPath])
  let raw: unknown
  try {
    if (result.status !== 0) throw new Error('plutil failed')
    raw = JSON.parse(result.stdout)
  } catch {
    return {
      status: 'rejected',
      path: macManagedPreferencesPath,
      policy: safeDefaultPolicy(),
      problem: message('policy.profile-unreadable'),
    }
  }
  return validatePolicy(raw, macManagedPreferencesPath)
}

export interface MachinePolicyDeps extends PolicyFileReader {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  fileExists: (path: string) => boolean
  run: CommandRunner
  /** Owner and mode of a path (fs.statSync) for the POSIX trust check; Windows uses icacls. */
  stat: (path: string) => PosixOwnership
}

/** Why the policy file at `path` cannot be trusted (writable by non-administrators), or null. */
function policyFileTrustProblem(path: string, deps: MachinePolicyDeps): Message | null {
  try {
    return deps.platform === 'win32'
      ? windowsTrustProblem(path, deps.run, deps.env)
      : posixPolicyTrust(deps.stat)(path)
  } catch (error) {
    return message('policy.permissions-unreadable', { code: (error as NodeJS.ErrnoException).code ?? '' })
  }
}

/**
 * The admin policy of this machine. A managed source (Group Policy registry key, macOS
 * configuration profile) wins over the policy file when present; the two are never merged,
 * so what applies is always one complete, validated set.
 */
export function loadMachinePolicy(deps: MachinePolicyDeps): PolicyLoad {
  if (deps.platform === 'win32') {
    const fromRegistry = registryPolicy(deps.run, deps.env)
    if (fromRegistry) return fromRegistry
  }
  if (deps.platform === 'darwin') {
    const fromProfile = managedPreferencesPolicy(deps.fileExists, deps.run)
    if (fromProfile) return fromProfile
  }
  const path =
    deps.platform === 'win32'
      ? policyPath('win32', windowsProgramData(deps.run, regExePath(deps.env)))
      : policyPath(deps.platform)
  if (!deps.fileExists(path)) return { status: 'absent', path, policy: noPolicy() }
  const untrusted = policyFileTrustProblem(path, deps)
  if (untrusted) {
    // Whatever it says may come from anyone: none of it applies, as with a broken file.
    return {
      status: 'rejected',
      path,
      policy: safeDefaultPolicy(),
      problem: message('policy.not-protected', { problem: untrusted }),
    }
  }
  return loadPolicy(path, deps)
}
