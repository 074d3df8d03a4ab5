import { describe, expect, it } from 'vitest'
import {
  loadMachinePolicy,
  macManagedPreferencesPath,
  parseRegQuery,
  type CommandRunner,
} from './managed-sources'
import { render } from '../../contract/i18n'
import type { PolicyLoad } from './admin-policy'

/** The load with its problem in English words (the catalogue words it; tests read the text). */
const worded = (load: PolicyLoad) =>
  load.status === 'rejected' ? { ...load, problem: render('en', load.problem) } : load

const regOutput = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Parley',
  '    wsServer    REG_SZ    wss://pbx.corp.example/ws',
  '    autoUpdate    REG_DWORD    0x0',
  '    closeToTray    REG_DWORD    0x1',
  '    locked    REG_MULTI_SZ    wsServer\\0autoUpdate',
  '    iceServers    REG_SZ    turns:turn.corp.example:5349, stun:stun.corp.example',
  '    outboundProxy    REG_SZ    ',
  '    transferAllowlist    REG_SZ    branch.corp.example',
  '',
].join('\r\n')

const noFile = {
  readFile: () => {
    throw Object.assign(new Error('missing'), { code: 'ENOENT' })
  },
  stat: () => ({ uid: 0, mode: 0o40755 }),
}

describe('parseRegQuery', () => {
  it('converts registry types into policy values', () => {
    expect(parseRegQuery(regOutput)).toEqual({
      wsServer: 'wss://pbx.corp.example/ws',
      autoUpdate: false,
      closeToTray: true,
      locked: ['wsServer', 'autoUpdate'],
      iceServers: ['turns:turn.corp.example:5349', 'stun:stun.corp.example'],
      outboundProxy: '',
      transferAllowlist: ['branch.corp.example'],
    })
  })
})

const adminOnlyAcl = (target: string) =>
  [
    `${target} NT AUTHORITY\\SYSTEM:(I)(OI)(CI)(F)`,
    `${' '.repeat(target.length)} BUILTIN\\Administrators:(I)(OI)(CI)(F)`,
    `${' '.repeat(target.length)} CREATOR OWNER:(I)(OI)(CI)(IO)(F)`,
    `${' '.repeat(target.length)} BUILTIN\\Users:(I)(OI)(CI)(RX)`,
    '',
    'Successfully processed 1 files; Failed processing 0 files',
  ].join('\r\n')

/** What icacls shows for a folder a standard user created in ProgramData (nothing pre-created it). */
const userWritableAcl = (target: string) =>
  [
    `${target} PC\\mallory:(OI)(CI)(F)`,
    `${' '.repeat(target.length)} NT AUTHORITY\\SYSTEM:(I)(OI)(CI)(F)`,
    `${' '.repeat(target.length)} BUILTIN\\Administrators:(I)(OI)(CI)(F)`,
    `${' '.repeat(target.length)} BUILTIN\\Users:(I)(CI)(WD,AD,WEA,WA)`,
    '',
    'Successfully processed 1 files; Failed processing 0 files',
  ].join('\r\n')

/** A Windows machine without the Group Policy key, answering reg.exe and icacls by full path. */
function windowsMachine(acl: (target: string) => string, commands: string[]): CommandRunner {
  return (command, args) => {
    commands.push([command, ...args].join(' '))
    if (command === 'C:\\Windows\\System32\\reg.exe' && args.includes('Common AppData'))
      return {
        status: 0,
        stdout:
          '\r\nHKEY_LOCAL_MACHINE\\...\\Shell Folders\r\n    Common AppData    REG_SZ    C:\\ProgramData\r\n',
      }
    if (command === 'C:\\Windows\\System32\\icacls.exe') return { status: 0, stdout: acl(args[0] as string) }
    return { status: 1, stdout: '' }
  }
}

describe('loadMachinePolicy', () => {
  it('uses the Group Policy key on Windows when it exists', () => {
    const calls: string[][] = []
    const run: CommandRunner = (command, args) => {
      calls.push([command, ...args])
      return { status: 0, stdout: regOutput }
    }
    const env = { SystemRoot: 'C:\\WINDOWS' }
    const load = loadMachinePolicy({ platform: 'win32', env, fileExists: () => false, run, ...noFile })
    // By its full path: a reg.exe in the current folder or on PATH is never the one that runs.
    expect(calls).toEqual([['C:\\WINDOWS\\System32\\reg.exe', 'query', 'HKLM\\SOFTWARE\\Policies\\Parley']])
    expect(worded(load)).toMatchObject({
      status: 'applied',
      path: 'registry HKLM\\SOFTWARE\\Policies\\Parley',
      policy: {
        values: { wsServer: 'wss://pbx.corp.example/ws', autoUpdate: false },
        locked: ['wsServer', 'autoUpdate'],
      },
    })
  })

  it('rejects a registry value of the wrong type as a whole', () => {
    const run: CommandRunner = () => ({
      status: 0,
      stdout: '    autoUpdate    REG_DWORD    0x2\r\n    locked    REG_SZ    wsServer',
    })
    const load = loadMachinePolicy({ platform: 'win32', env: {}, fileExists: () => false, run, ...noFile })
    expect(worded(load)).toMatchObject({
      status: 'rejected',
      problem: expect.stringMatching(/^"autoUpdate": /),
      // Failing closed: what the refused policy names stays locked at the user's current value.
      policy: { values: { autoUpdate: false }, locked: ['wsServer', 'autoUpdate'] },
    })
  })

  it('falls back to the policy file in the folder Windows records, when only administrators can write it', () => {
    const commands: string[] = []
    const load = loadMachinePolicy({
      platform: 'win32',
      // A user's own variable must not move the machine policy somewhere else.
      env: { ProgramData: 'X:\\Mine', SystemRoot: 'C:\\Windows' },
      fileExists: (path) => path === 'C:\\ProgramData\\Parley\\policy.json',
      run: windowsMachine(adminOnlyAcl, commands),
      readFile: () => '{"voicemailNumber": "*98"}',
      stat: () => ({ uid: 1000, mode: 0o100666 }),
    })
    expect(worded(load)).toMatchObject({ status: 'applied', policy: { values: { voicemailNumber: '*98' } } })
    expect(load.path).toBe('C:\\ProgramData\\Parley\\policy.json')
    expect(commands).toContain('C:\\Windows\\System32\\icacls.exe C:\\ProgramData\\Parley\\policy.json')
  })

  it('refuses a Windows policy file that standard users can write, and applies none of it', () => {
    const load = loadMachinePolicy({
      platform: 'win32',
      env: { SystemRoot: 'C:\\Windows' },
      fileExists: () => true,
      run: windowsMachine(userWritableAcl, []),
      readFile: () => '{"wsServer": "wss://attacker.example/ws", "locked": ["wsServer"]}',
      stat: () => ({ uid: 0, mode: 0o100644 }),
    })
    expect(worded(load)).toMatchObject({
      status: 'rejected',
      policy: { values: { autoUpdate: false }, locked: [] },
      problem: /not protected: C:\\ProgramData\\Parley can be changed by BUILTIN\\Users, PC\\mallory/,
    })
  })

  it('refuses a POSIX policy file or folder not owned by root or writable by others', () => {
    const policy = (stat: (path: string) => { uid: number; mode: number }) =>
      loadMachinePolicy({
        platform: 'linux',
        env: {},
        fileExists: () => true,
        run: () => ({ status: 1, stdout: '' }),
        readFile: () => '{"voicemailNumber": "*98"}',
        stat,
      })
    expect(policy(() => ({ uid: 0, mode: 0o100644 })).status).toBe('applied')
    expect(
      worded(policy((path) => ({ uid: path.endsWith('.json') ? 1000 : 0, mode: 0o100644 }))),
    ).toMatchObject({
      status: 'rejected',
      problem: 'it is not protected: /etc/parley/policy.json is owned by user 1000, not by root',
    })
    expect(
      worded(policy((path) => ({ uid: 0, mode: path.endsWith('.json') ? 0o100644 : 0o40777 }))),
    ).toMatchObject({
      status: 'rejected',
      problem: 'it is not protected: /etc/parley can be changed by users other than root (mode 777)',
    })
  })

  it('reads a macOS configuration profile through plutil', () => {
    const run: CommandRunner = (command, args) => {
      expect([command, ...args]).toEqual(['plutil', '-convert', 'json', '-o', '-', macManagedPreferencesPath])
      return { status: 0, stdout: '{"sipDomain": "corp.example", "locked": ["sipDomain"]}' }
    }
    const load = loadMachinePolicy({
      platform: 'darwin',
      env: {},
      fileExists: (path) => path === macManagedPreferencesPath,
      run,
      ...noFile,
    })
    expect(worded(load)).toMatchObject({
      status: 'applied',
      path: macManagedPreferencesPath,
      policy: { locked: ['sipDomain'] },
    })
  })

  it('reports an unreadable profile and applies the safe defaults', () => {
    const run: CommandRunner = () => ({ status: 1, stdout: '' })
    const load = loadMachinePolicy({ platform: 'darwin', env: {}, fileExists: () => true, run, ...noFile })
    expect(worded(load)).toMatchObject({
      status: 'rejected',
      policy: { values: { autoUpdate: false }, locked: [] },
    })
  })

  it('reads only the file on Linux', () => {
    const run: CommandRunner = () => {
      throw new Error('must not run commands on Linux')
    }
    const load = loadMachinePolicy({ platform: 'linux', env: {}, fileExists: () => true, run, ...noFile })
    expect(load).toEqual({
      status: 'absent',
      path: '/etc/parley/policy.json',
      policy: { values: {}, locked: [] },
    })
  })
})
