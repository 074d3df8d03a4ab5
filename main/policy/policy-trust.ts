import { dirname, win32 } from 'node:path'
import type { CommandRunner } from './managed-sources'
import { message, type Message } from '../../contract/i18n'

/**
 * A machine policy is trusted only when no one but an administrator could have written it:
 * otherwise a standard user could plant one for every user of the PC (pointing the server or
 * the update feed at their own). The file and its folder are both checked. POSIX: owned by
 * root and writable by no one else. Windows: no access entry that applies to the object lets
 * anyone but SYSTEM, Administrators or TrustedInstaller write (read from icacls).
 */

export interface PosixOwnership {
  uid: number
  mode: number
}

/** Why a POSIX file or folder is not trustworthy, or null when only root can change it. */
export function posixTrustProblem(path: string, owner: PosixOwnership): Message | null {
  if (owner.uid !== 0) return message('policy.owner-not-root', { path, uid: owner.uid })
  if ((owner.mode & 0o022) !== 0)
    return message('policy.writable-by-users', { path, mode: (owner.mode & 0o777).toString(8) })
  return null
}

// Rights that let a principal change a file or folder, as icacls abbreviates them.
const writeRights = new Set([
  'F',
  'M',
  'W',
  'D',
  'WD',
  'AD',
  'WEA',
  'WA',
  'DC',
  'WDAC',
  'WO',
  'GA',
  'GW',
  'MA',
])
// Principals that are administrators already (English and the usual localised spellings).
const administrators = [
  /\\SYSTEM$/i,
  /^BUILTIN\\Administrat/i,
  /^NT SERVICE\\TrustedInstaller$/i,
  /^\*?S-1-5-18$/i,
  /^\*?S-1-5-32-544$/i,
]

/**
 * Principals other than administrators that `icacls <path>` says may write. Inherit-only
 * entries ((IO): they apply to children created later, e.g. CREATOR OWNER) and deny entries
 * are not write access to this object.
 */
export function nonAdminWriters(icaclsOutput: string, path: string): string[] {
  const writers: string[] = []
  for (const rawLine of icaclsOutput.split(/\r?\n/)) {
    const line = rawLine.startsWith(path) ? rawLine.slice(path.length) : rawLine
    const match = /^\s*(.+?):((?:\([^)]*\))+)\s*$/.exec(line)
    if (!match) continue
    const principal = (match[1] as string).trim()
    const groups = [...(match[2] as string).matchAll(/\(([^)]*)\)/g)].map((group) => group[1] as string)
    if (groups.includes('IO') || groups.includes('DENY')) continue
    const rights = groups.flatMap((group) => group.split(','))
    if (!rights.some((right) => writeRights.has(right))) continue
    if (administrators.some((pattern) => pattern.test(principal))) continue
    writers.push(principal)
  }
  return writers
}

/** `icacls` by full path (never one from the current folder or PATH). */
export const icaclsPath = (env: NodeJS.ProcessEnv): string =>
  `${env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows'}\\System32\\icacls.exe`

/** Why a Windows policy file or its folder is not trustworthy, or null. */
export function windowsTrustProblem(
  path: string,
  run: CommandRunner,
  env: NodeJS.ProcessEnv,
): Message | null {
  for (const target of [win32.dirname(path), path]) {
    const result = run(icaclsPath(env), [target])
    if (result.status !== 0) return message('policy.acl-unreadable', { path: target })
    const writers = nonAdminWriters(result.stdout, target)
    if (writers.length > 0)
      return message('policy.writable-by', { path: target, writers: writers.join(', ') })
  }
  return null
}

/** Checks a policy file found at `path`; null when only administrators could have written it. */
export type PolicyTrustCheck = (path: string) => Message | null

export function posixPolicyTrust(stat: (path: string) => PosixOwnership): PolicyTrustCheck {
  return (path) =>
    posixTrustProblem(dirname(path), stat(dirname(path))) ?? posixTrustProblem(path, stat(path))
}

/**
 * The machine-wide data folder (C:\ProgramData) as Windows itself records it, not from the
 * ProgramData variable, which each user can set for themselves.
 */
export function windowsProgramData(run: CommandRunner, regExe: string): string {
  const key = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders'
  const result = run(regExe, ['query', key, '/v', 'Common AppData'])
  const match = result.status === 0 ? /Common AppData\s+REG_\w+\s+(.+?)\s*$/m.exec(result.stdout) : null
  return match?.[1] ?? 'C:\\ProgramData'
}
