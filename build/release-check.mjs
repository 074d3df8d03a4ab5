// What a build must have before electron-builder packs it, so an installer can never update
// itself from a feed alone: an https update feed, and on Windows and macOS a signing identity
// (electron-builder's forceCodeSigning then fails the build if signing itself fails) and, on
// Windows, the pinned publisher electron-updater checks every downloaded update against.
// Used by the beforePack hook (build/before-pack.mjs) and tested in release-check.test.ts.

/**
 * The publisher electron-builder.yml ships with. It is not a real certificate's subject: a
 * Windows release built with it would refuse every update, so the check stops it.
 */
export const PUBLISHER_PLACEHOLDER = 'Parley team'

/**
 * @param {{ platform: string, env: Record<string, string | undefined>, config: Record<string, any> }} build
 * @returns {string[]} what is wrong, empty when the build may go on
 */
export function releaseProblems({ platform, env, config }) {
  const problems = []
  const feed = env.PARLEY_UPDATE_URL
  let feedUrl = null
  try {
    feedUrl = feed ? new URL(feed) : null
  } catch {
    feedUrl = null
  }
  if (!feedUrl) problems.push('PARLEY_UPDATE_URL must be set to the update server (https://…)')
  else if (feedUrl.protocol !== 'https:')
    problems.push(`PARLEY_UPDATE_URL must be https, not ${feedUrl.protocol} (${feed})`)

  if (platform === 'win32' || platform === 'darwin' || platform === 'mas') {
    if (config.forceCodeSigning !== true)
      problems.push('forceCodeSigning must be true: an unsigned Windows or macOS build must fail')
    if (!hasSigningIdentity(platform, env, config))
      problems.push(
        platform === 'win32'
          ? 'no Windows signing identity: set CSC_LINK (or WIN_CSC_LINK) and its password, or win.signtoolOptions.certificateSha1/certificateSubjectName, or win.azureSignOptions'
          : 'no macOS signing identity: set CSC_LINK (with CSC_KEY_PASSWORD) or CSC_NAME, or mac.identity',
      )
  }
  if (platform === 'win32') {
    const win = config.win ?? {}
    const names = [win.signtoolOptions?.publisherName, win.azureSignOptions?.publisherName]
      .flat()
      .filter((name) => typeof name === 'string' && name.trim() !== '')
    if (names.length === 0)
      problems.push('win.signtoolOptions.publisherName must pin the certificate subject the updater checks')
    else if (names.some((name) => name.trim() === PUBLISHER_PLACEHOLDER))
      problems.push(
        `win.signtoolOptions.publisherName is still the placeholder "${PUBLISHER_PLACEHOLDER}": set it (in electron-builder.yml, the one place) to your code-signing certificate's subject CN`,
      )
    if (win.verifyUpdateCodeSignature === false)
      problems.push('win.verifyUpdateCodeSignature must not be false')
  }
  return problems
}

/** @param {string} platform @param {Record<string, string | undefined>} env @param {Record<string, any>} config */
function hasSigningIdentity(platform, env, config) {
  if (platform === 'win32') {
    const win = config.win ?? {}
    return Boolean(
      env.WIN_CSC_LINK ||
        env.CSC_LINK ||
        win.signtoolOptions?.certificateSha1 ||
        win.signtoolOptions?.certificateSubjectName ||
        win.azureSignOptions,
    )
  }
  return Boolean(env.CSC_LINK || env.CSC_NAME || (config.mac ?? {}).identity)
}
