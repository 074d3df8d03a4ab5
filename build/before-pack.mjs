// electron-builder beforePack hook: refuses to pack a build that could ship an installer whose
// updates rest on the feed alone (see release-check.mjs), before any time is spent packing.
import { releaseProblems } from './release-check.mjs'

/** @param {import('electron-builder').BeforePackContext} context */
export default async function beforePack(context) {
  const problems = releaseProblems({
    platform: context.electronPlatformName,
    env: process.env,
    config: context.packager.config,
  })
  if (problems.length > 0) {
    throw new Error(`Parley release check failed for ${context.electronPlatformName}:\n  - ${problems.join('\n  - ')}`)
  }
}
