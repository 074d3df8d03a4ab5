import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { isMessageKey, render, type Message } from './i18n/catalogue'
import type { AccountState, EventMap, HistoryPage, InvokeMap } from './ipc'
import type { IpcError } from './result'
import { accountSchema, contactImportRequestSchema } from './schemas'
import { issueMessage } from './i18n/schema-issues'

/**
 * Lower layers never hand the user a sentence: every reason, error and notice that crosses
 * to the window is a catalogue Message (a key and parameters), rendered there in the user's
 * language. The types say so (a string fails `tsc` here), and a scan of the lower layers'
 * sources finds a sentence written straight into a user-facing error or notice.
 */
describe('what reaches the user from lower layers', () => {
  it('is typed as catalogue messages in the contract', () => {
    expectTypeOf<IpcError['message']>().toEqualTypeOf<Message>()
    expectTypeOf<AccountState['notices']>().toEqualTypeOf<Message[]>()
    expectTypeOf<NonNullable<HistoryPage['notices']>>().toEqualTypeOf<Message[]>()
    expectTypeOf<InvokeMap['contacts:notices']>().toEqualTypeOf<Message[]>()
    expectTypeOf<EventMap['headset-watch-unavailable']>().toEqualTypeOf<{ notice: Message }>()
  })

  const root = join(import.meta.dirname, '..')
  /** Production sources of the layers below the components (tests and fakes excluded). */
  const lowerLayerFiles = (folder: string): string[] =>
    readdirSync(join(root, folder)).flatMap((name) => {
      const path = join(folder, name)
      if (statSync(join(root, path)).isDirectory())
        return name === 'testing' || path === join('contract', 'i18n') ? [] : lowerLayerFiles(path)
      return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : []
    })
  const files = [
    'main',
    'contract',
    ...['state', 'sip', 'audio', 'contacts', 'dial', 'lamps', 'lifecycle', 'keyboard'].map((part) =>
      join('renderer', part),
    ),
  ].flatMap(lowerLayerFiles)

  // A user-facing error or notice given a quoted text instead of a Message.
  const sentenceInto = [
    /new (?:HandlerError|ReasonError|ImportStopped)\(\s*'[a-z-]+',\s*[`'"]/,
    /new (?:ReasonError|ContactStorageError|HistoryStorageError)\(\s*[`'"]/,
    /new ContactImportError\(\s*[^,()]+,\s*[`'"]/,
    /\bnotices\.push\(\s*[`'"]/,
    /\bfail\(\s*'[a-z-]+',\s*[`'"]/,
    // A schema's own refusal must be a catalogue key (the admin policy's too: the IT admin reads
    // a policy file's problems in the user's language, inside the policy notice).
    /\.(?:regex|refine|max|min)\([^)]*,\s*(?:'(?![a-z]+\.[a-z-]+')[^']*'|`[^`]*`)\s*\)/,
    /^\s*\},\s*`[^`]*`\)/m,
    // A policy problem given as text instead of a Message.
    /\bproblem:\s*[`'"]/,
    /return\s+`[^`]*(?:could not|can be changed|is owned)/,
    // An exception's own words (English, from the browser, SIP.js or Node) as a message's
    // parameter: they belong in the log; the catalogue words the failure.
    /\b(?:message\(|translate\(\s*\w+,)\s*'[a-z-]+\.[a-z-]+',\s*\{[^}]*(?:messageOf\(|\b[Ee]rror\)?\.message\b|\.reasonPhrase\b)/,
  ]

  it('finds no sentence written into a user-facing error or notice', () => {
    expect(files.length).toBeGreaterThan(50)
    const found = files.flatMap((path) => {
      const text = readFileSync(join(root, path), 'utf8')
      return sentenceInto
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${relative(root, join(root, path))}: ${pattern.source}`)
    })
    expect(found).toEqual([])
  })

  it('the scan would catch one (its patterns match a sentence)', () => {
    const samples = [
      "throw new HandlerError('locked', 'Your administrator has locked it')",
      'throw new ContactStorageError(`Your contacts could not be saved`)',
      "throw new ContactImportError(line, 'no contacts found')",
      "this.notices.push('Your contacts could not be read')",
      "return fail('internal', 'Something went wrong')",
      ".regex(/^a$/, 'Use the form user@domain')",
      ".regex(/^[A-Z]{2}$/, 'must be a two-letter country code like SE')",
      '    }, `must be an ${protocol}// address`)',
      'problem: `it could not be read (${code})`,',
      'return `${path} is owned by user ${owner.uid}, not by root`',
      "message('call.place-failed', { detail: messageOf(error) })",
      "message('sip.unexpected', { detail: (error as Error).message })",
      "message('transfer.failed', { detail: error.message })",
      "translate(language, 'startup.failed', { reason: messageOf(error) })",
      "message('call.failed-status', { code, reason: response.message.reasonPhrase ?? '' })",
    ]
    for (const sample of samples)
      expect(
        sentenceInto.some((pattern) => pattern.test(sample)),
        sample,
      ).toBe(true)
    expect(sentenceInto.some((pattern) => pattern.test(".regex(/^a$/, 'login.sip-address-invalid')"))).toBe(
      false,
    )
  })

  it('words schema refusals from the catalogue in both languages (never zod’s English)', () => {
    const refused = accountSchema.safeParse({
      displayName: 'Eve\r\n',
      sipAddress: 'not an address',
      wsServer: 'http://x',
      authUser: 'x'.repeat(200),
      mailbox: '<>',
    })
    expect(refused.success).toBe(false)
    const issues = refused.error?.issues ?? []
    expect(issues.length).toBeGreaterThanOrEqual(5)
    for (const issue of issues) {
      const worded = issueMessage(issue)
      expect(isMessageKey(worded.key), issue.message).toBe(true)
      expect(render('sv', worded)).not.toBe(render('en', worded))
    }
    const tooLarge = contactImportRequestSchema.safeParse({
      format: 'csv',
      text: 'x'.repeat(33 * 1024 * 1024),
    })
    expect(tooLarge.error?.issues.map((issue) => issue.message)).toEqual(['import.too-large'])
  })
})
