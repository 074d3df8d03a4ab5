import { describe, expect, it } from 'vitest'
import type { RegistrationStatus } from '../sip/types'
import { appFilesMeta, mainScreenFilesMeta } from './main-screen-files'
import {
  prefetchAfterStartAnswer,
  prefetchMainScreen,
  prefetchWhileRegistering,
  type HintTarget,
} from './prefetch'

/**
 * A document with the build's list of the main screen's files (or none), and of the app's (or
 * none), recording what is appended.
 */
function page(files: string | null, linked: string[] = [], appStateFiles: string | null = null) {
  const appended: Array<Pick<HTMLLinkElement, 'rel' | 'as' | 'crossOrigin' | 'href'>> = []
  const lists: Record<string, string | null> = {
    [`meta[name="${mainScreenFilesMeta}"]`]: files,
    [`meta[name="${appFilesMeta}"]`]: appStateFiles,
  }
  const doc: HintTarget = {
    baseURI: 'app://parley/index.html',
    // every link the window has: the given ones and those hinted here
    querySelectorAll: () => [...linked, ...appended.map((link) => link.href)].map((href) => ({ href })),
    querySelector: (selectors) => {
      const content = lists[selectors] ?? null
      return content === null ? null : { getAttribute: (name) => (name === 'content' ? content : null) }
    },
    createElement: () => ({}) as HTMLLinkElement,
    head: { append: (link) => appended.push({ ...link }) },
  }
  return { doc, appended }
}

describe('prefetchMainScreen', () => {
  it('hints each listed file, fetched and not run: scripts as module preloads, styles as style preloads', () => {
    const { doc, appended } = page(
      './assets/MainScreen-a1.js ./assets/shortcuts-b2.js ./assets/MainScreen-c3.css',
    )
    expect(prefetchMainScreen(doc)).toEqual([
      'app://parley/assets/MainScreen-a1.js',
      'app://parley/assets/shortcuts-b2.js',
      'app://parley/assets/MainScreen-c3.css',
    ])
    // a stylesheet link would apply the style now; the import's own preload (CORS mode '') finds these
    expect(appended).toEqual([
      { rel: 'modulepreload', crossOrigin: '', href: 'app://parley/assets/MainScreen-a1.js' },
      { rel: 'modulepreload', crossOrigin: '', href: 'app://parley/assets/shortcuts-b2.js' },
      { rel: 'preload', as: 'style', crossOrigin: '', href: 'app://parley/assets/MainScreen-c3.css' },
    ])
  })

  it("leaves out a file the window links to already (the app's stylesheet, a module its import preloaded)", () => {
    const { doc, appended } = page(
      './assets/MainScreen-a1.js ./assets/app-state-d4.js ./assets/boot-e5.css',
      ['app://parley/assets/app-state-d4.js', 'app://parley/assets/boot-e5.css'],
    )
    expect(prefetchMainScreen(doc)).toEqual(['app://parley/assets/MainScreen-a1.js'])
    expect(appended.map((link) => link.href)).toEqual(['app://parley/assets/MainScreen-a1.js'])
  })

  it('hints once per document (signed out and in again: the files are there already)', () => {
    const { doc, appended } = page('./assets/MainScreen-a1.js')
    prefetchMainScreen(doc)
    expect(prefetchMainScreen(doc)).toEqual([])
    expect(appended).toHaveLength(1)
  })

  it('hints nothing where the build named no files (the dev server) or there is no document', () => {
    const { doc, appended } = page(null)
    expect(prefetchMainScreen(doc)).toEqual([])
    expect(appended).toEqual([])
    expect(prefetchMainScreen(undefined)).toEqual([])
  })

  it("after the start view's answer: hints only when it is Registered (not for the login form or a failure)", () => {
    const answers: RegistrationStatus[] = [
      { state: 'unregistered' },
      { state: 'connecting', attempt: 1 },
      { state: 'failed', reason: 'auth', message: { key: 'registration.label-wrong-password' } },
    ]
    for (const status of answers) {
      const { doc, appended } = page('./assets/MainScreen-a1.js')
      expect(prefetchAfterStartAnswer(status, doc)).toEqual([])
      expect(appended).toEqual([])
    }
    const { doc, appended } = page('./assets/MainScreen-a1.js ./assets/boot-e5.js')
    expect(prefetchAfterStartAnswer({ state: 'registered', since: 1 }, doc)).toEqual([
      'app://parley/assets/MainScreen-a1.js',
      'app://parley/assets/boot-e5.js',
    ])
    expect(appended).toHaveLength(2)
  })

  it("while signing in is under way: hints the app's files only, the main screen's with the answer", () => {
    const screen = './assets/boot-e5.js ./assets/MainScreen-a1.js ./assets/MainScreen-c3.css'
    const appState = './assets/app-state-d4.js ./assets/sv-f6.js'
    for (const status of [
      { state: 'unregistered' },
      { state: 'registered', since: 1 },
      { state: 'failed', reason: 'auth', message: { key: 'registration.label-wrong-password' } },
    ] satisfies RegistrationStatus[]) {
      const { doc, appended } = page(screen, [], appState)
      expect(prefetchWhileRegistering(status, doc)).toEqual([])
      expect(appended).toEqual([])
    }
    const { doc, appended } = page(screen, [], appState)
    expect(prefetchWhileRegistering({ state: 'connecting', attempt: 1 }, doc)).toEqual([
      'app://parley/assets/app-state-d4.js',
      'app://parley/assets/sv-f6.js',
    ])
    // a second attempt: hinted already
    expect(prefetchWhileRegistering({ state: 'connecting', attempt: 2 }, doc)).toEqual([])
    expect(prefetchAfterStartAnswer({ state: 'registered', since: 1 }, doc)).toEqual([
      'app://parley/assets/boot-e5.js',
      'app://parley/assets/MainScreen-a1.js',
      'app://parley/assets/MainScreen-c3.css',
    ])
    expect(appended.map((link) => link.href)).toHaveLength(5)
  })

  it("with the answer and nothing hinted before: the app's files first, then the main screen's", () => {
    const { doc } = page('./assets/MainScreen-a1.js', [], './assets/app-state-d4.js')
    expect(prefetchAfterStartAnswer({ state: 'registered', since: 1 }, doc)).toEqual([
      'app://parley/assets/app-state-d4.js',
      'app://parley/assets/MainScreen-a1.js',
    ])
  })
})
