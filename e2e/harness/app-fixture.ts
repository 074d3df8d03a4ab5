import { expect, inject } from 'vitest'
import { TestApp, type TestAccount, type TestAppOptions } from './app'

/**
 * Starts the app for a test file; fails with the renderer's build error when there is one,
 * so "the UI did not build" is never mistaken for a PBX or harness problem.
 */
export async function startApp(
  name: string,
  account?: TestAccount,
  options: Pick<TestAppOptions, 'prepare' | 'trustTestCa' | 'locale' | 'beforeLoad' | 'policy'> = {},
): Promise<TestApp> {
  const buildError = inject('rendererBuildError')
  expect(buildError, 'the renderer must build').toBe('')
  return TestApp.start({
    name,
    baseUrl: inject('baseUrl'),
    pbx: inject('pbx'),
    logRoot: inject('logRoot'),
    ...(account ? { account } : {}),
    ...options,
  })
}
