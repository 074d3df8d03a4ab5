import { render } from '../../contract/i18n'
import { describe, expect, it } from 'vitest'
import { loadPolicy, parsePolicy, policyNotice, policyPath, type PolicyLoad } from './admin-policy'

/** The load with its problem in English words (the catalogue words it; tests read the text). */
const worded = (load: PolicyLoad) =>
  load.status === 'rejected' ? { ...load, problem: render('en', load.problem) } : load
import { locateJsonSyntaxError } from './json-error-location'

const path = '/etc/parley/policy.json'

describe('parsePolicy', () => {
  it('applies a good file', () => {
    const load = parsePolicy(
      JSON.stringify({
        comment: 'Deployed by IT',
        wsServer: 'wss://pbx.corp.example/ws',
        sipDomain: 'corp.example',
        voicemailNumber: '555',
        autoUpdate: false,
        locked: ['wsServer', 'sipDomain', 'wsServer'],
      }),
      path,
    )
    expect(load).toEqual({
      status: 'applied',
      path,
      policy: {
        values: {
          wsServer: 'wss://pbx.corp.example/ws',
          sipDomain: 'corp.example',
          voicemailNumber: '555',
          autoUpdate: false,
        },
        locked: ['wsServer', 'sipDomain'],
      },
    })
    expect(policyNotice(load)).toBeNull()
  })

  it('reports a syntax error with its line and column, applies no value and locks what it names', () => {
    const text = '{\n  "wsServer": "wss://pbx.corp.example/ws",\n  "locked": ["wsServer",]\n}\n'
    const load = parsePolicy(text, path)
    expect(load.status).toBe('rejected')
    if (load.status !== 'rejected') return
    expect(render('en', load.problem)).toMatch(
      /^line 3, column 25: expected another value \(remove the trailing comma\)/,
    )
    // Failing closed: the admin meant to lock the server, so it stays locked at what the user has.
    expect(load.policy).toEqual({ values: { autoUpdate: false }, locked: ['wsServer'] })
    const notice = policyNotice(load)
    expect(notice && render('en', notice)).toBe(
      `The administrator's policy file ${path} was not applied: ${render('en', load.problem)}. Parley started with its safe defaults; please tell your IT administrator.`,
    )
    // the IT admin reads the problem in the user's language too, never English inside Swedish
    expect(render('sv', load.problem)).toBe(
      'rad 3, kolumn 25: väntade ett värde till (ta bort det avslutande kommatecknet) men hittade "]"',
    )
    expect(notice && render('sv', notice)).toBe(
      `Administratörens policyfil ${path} användes inte: ${render('sv', load.problem)}. Parley startade med säkra standardinställningar; kontakta din IT-administratör.`,
    )
  })

  it('names the key with the wrong type and applies none of the good keys', () => {
    const load = parsePolicy(
      '{"wsServer": "wss://ok.example/ws", "autoUpdate": "yes", "locked": ["wsServer"]}',
      path,
    )
    expect(load.status).toBe('rejected')
    if (load.status !== 'rejected') return
    expect(render('en', load.problem)).toMatch(/^"autoUpdate": /)
    expect(load.policy.locked).toEqual(['wsServer', 'autoUpdate'])
    expect(load.policy.values.wsServer).toBeUndefined()
  })

  it('names an unknown key and an unknown locked setting', () => {
    const unknownKey = parsePolicy('{"wsServr": "wss://ok.example/ws"}', path)
    expect(worded(unknownKey)).toMatchObject({ status: 'rejected', problem: 'unknown key "wsServr"' })
    const unknownLock = parsePolicy('{"locked": ["password"]}', path)
    expect(worded(unknownLock)).toMatchObject({
      status: 'rejected',
      problem: expect.stringMatching(/^"locked\.0": /),
    })
  })

  it('accepts an https update feed and refuses an http one', () => {
    expect(parsePolicy('{"updateUrl": "https://updates.corp.example/parley/"}', path)).toMatchObject({
      status: 'applied',
      policy: { values: { updateUrl: 'https://updates.corp.example/parley/' } },
    })
    expect(worded(parsePolicy('{"updateUrl": "http://updates.corp.example/"}', path))).toMatchObject({
      status: 'rejected',
      problem: '"updateUrl": Use an https:// address.',
    })
  })

  it('names a voicemail key that is not one keypad key, and an unknown tone method', () => {
    const keys = parsePolicy(JSON.stringify({ voicemailKeys: [{ key: '22', label: 'Two' }] }), path)
    expect(keys.status).toBe('rejected')
    expect(keys.status === 'rejected' && render('en', keys.problem)).toMatch(
      /"voicemailKeys\.0\.key": Use one keypad key/,
    )
    const pickup = parsePolicy(JSON.stringify({ pickupCode: '*8;x' }), path)
    expect(pickup.status === 'rejected' && render('en', pickup.problem)).toMatch(
      /"pickupCode": Use up to 8 digits/,
    )
    expect(parsePolicy(JSON.stringify({ pickupCode: '*8' }), path).policy.values.pickupCode).toBe('*8')
    const method = parsePolicy(JSON.stringify({ dtmfMethod: 'inband' }), path)
    expect(method.status === 'rejected' && render('en', method.problem)).toMatch(/"dtmfMethod"/)
  })

  it('takes a transfer allowlist of domain names and names one that is not', () => {
    expect(parsePolicy('{"transferAllowlist": ["branch.corp.example"]}', path)).toMatchObject({
      status: 'applied',
      policy: { values: { transferAllowlist: ['branch.corp.example'] } },
    })
    const bad = parsePolicy('{"transferAllowlist": ["evil.example;x=1"]}', path)
    expect(bad.status === 'rejected' && render('en', bad.problem)).toMatch(
      /"transferAllowlist\.0": Use a domain name/,
    )
  })

  it('refuses an insecure server URL', () => {
    expect(worded(parsePolicy('{"wsServer": "ws://pbx.corp.example/ws"}', path))).toMatchObject({
      status: 'rejected',
      problem: expect.stringMatching(/"wsServer": Enter a wss:\/\/ address/),
    })
  })

  it('accepts a file saved with a byte order mark by a Windows editor', () => {
    expect(parsePolicy('\ufeff{"autoUpdate": true}', path)).toMatchObject({
      status: 'applied',
      policy: { values: { autoUpdate: true } },
    })
  })
})

describe('loadPolicy', () => {
  it('treats a missing file as no policy', () => {
    const missing = Object.assign(new Error('nope'), { code: 'ENOENT' })
    const load = loadPolicy(path, {
      readFile: () => {
        throw missing
      },
    })
    expect(load).toEqual({ status: 'absent', path, policy: { values: {}, locked: [] } })
  })

  it('reports an unreadable file', () => {
    const denied = Object.assign(new Error('denied'), { code: 'EACCES' })
    const load = loadPolicy(path, {
      readFile: () => {
        throw denied
      },
    })
    expect(worded(load)).toMatchObject({ status: 'rejected', problem: 'it could not be read (EACCES)' })
  })
})

describe('policyPath', () => {
  it('uses the machine-wide folder of each platform', () => {
    expect(policyPath('win32', 'D:\\ProgramData')).toMatch(/^D:\\ProgramData[\\/]Parley[\\/]policy\.json$/)
    expect(policyPath('darwin')).toBe('/Library/Application Support/Parley/policy.json')
    expect(policyPath('linux')).toBe('/etc/parley/policy.json')
  })
})

describe('locateJsonSyntaxError', () => {
  it.each([
    ['{"a": }', 1, 7],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3],
    ['{\n  "a": "unterminated\n}', 2, 21],
    ['{"a": 1', 1, 8],
    ["{'a': 1}", 1, 2],
    ['{"a": 1} extra', 1, 10],
    ['', 1, 1],
  ])('finds the error in %j at line %i column %i', (text, line, column) => {
    expect(locateJsonSyntaxError(text)).toMatchObject({ line, column })
  })

  it('returns null for valid JSON', () => {
    expect(locateJsonSyntaxError('{"a": [1, 2.5e3, true, null, "x\\u00e9"]}')).toBeNull()
  })
})

describe('policy.example.json', () => {
  it('is a valid policy that applies every key it shows', async () => {
    const { readFileSync } = await import('node:fs')
    const text = readFileSync(new URL('./policy.example.json', import.meta.url), 'utf8')
    const load = parsePolicy(text, 'policy.example.json')
    expect(load.status).toBe('applied')
    expect(Object.keys(load.policy.values).sort()).toEqual([
      'autoUpdate',
      'closeToTray',
      'dtmfMethod',
      'iceServers',
      'outboundProxy',
      'sipDomain',
      'transferAllowlist',
      'updateUrl',
      'voicemailKeys',
      'voicemailNumber',
      'wsServer',
    ])
  })
})

describe('policy files built to break the parser', () => {
  it('locates the error in a policy nested 20,000 levels deep instead of overflowing the stack', () => {
    const load = parsePolicy(`{"comment":${'['.repeat(20_000)}`, '/etc/parley/policy.json')
    expect(worded(load)).toMatchObject({
      status: 'rejected',
      problem: 'line 1, column 20012: expected a value but found the end of the file',
    })
  })

  it('rejects a well-formed policy nested 20,000 levels deep as a policy, not a crash', () => {
    const text = `{"comment":${'['.repeat(20_000)}${']'.repeat(20_000)}}`
    expect(parsePolicy(text, 'p').status).toBe('rejected')
  })

  it('refuses a file larger than a policy can be without parsing it', () => {
    const load = parsePolicy(JSON.stringify({ comment: 'x'.repeat(100_000) }), 'p')
    expect(worded(load)).toMatchObject({ status: 'rejected', problem: /more than a policy can be \(64 KB\)/ })
    expect(load.policy).toEqual({ values: { autoUpdate: false }, locked: [] })
  })
})
