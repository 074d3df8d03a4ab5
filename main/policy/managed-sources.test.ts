import { describe, expect, it } from 'vitest'
import {
  loadMachinePolicy,
  macManagedPreferencesPath,
  parseRegQuery,
  type CommandRunner,
} from './managed-sources'

const regOutput = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Parley',
  '    wsServer    REG_SZ    wss://pbx.corp.example/ws',
  '    autoUpdate    REG_DWORD    0x0',
  '    closeToTray    REG_DWORD    0x1',
  '    locked    REG_MULTI_SZ    wsServer\\0autoUpdate',
  '    iceServers    REG_SZ    turns:turn.corp.example:5349, stun:stun.corp.example',
  '    outboundProxy    REG_SZ    ',
  '',
].join('\r\n')

const noFile = {
  readFile: () => {
    throw Object.assign(new Error('missing'), { code: 'ENOENT' })
  },
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
    })
  })
})

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
    expect(load).toMatchObject({
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
    expect(load).toMatchObject({
      status: 'rejected',
      problem: expect.stringMatching(/^"autoUpdate" /),
      policy: { locked: [] },
    })
  })

  it('falls back to the policy file when there is no registry key', () => {
    const run: CommandRunner = () => ({ status: 1, stdout: '' })
    const load = loadMachinePolicy({
      platform: 'win32',
      env: { ProgramData: 'C:\\ProgramData' },
      fileExists: () => false,
      run,
      readFile: () => '{"voicemailNumber": "*98"}',
    })
    expect(load).toMatchObject({ status: 'applied', policy: { values: { voicemailNumber: '*98' } } })
    expect(load.path).toMatch(/ProgramData[\\/]Parley[\\/]policy\.json$/)
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
    expect(load).toMatchObject({
      status: 'applied',
      path: macManagedPreferencesPath,
      policy: { locked: ['sipDomain'] },
    })
  })

  it('reports an unreadable profile and applies the safe defaults', () => {
    const run: CommandRunner = () => ({ status: 1, stdout: '' })
    const load = loadMachinePolicy({ platform: 'darwin', env: {}, fileExists: () => true, run, ...noFile })
    expect(load).toMatchObject({ status: 'rejected', policy: { values: { autoUpdate: false }, locked: [] } })
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
