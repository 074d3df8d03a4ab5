// electron-builder afterPack hook: flips Parley's fuses in the unpacked app, before signing
// (so the signature covers the flipped bytes), then reads them back to prove the flip held.
import { flipFuses, getCurrentFuseWire } from '@electron/fuses'
import builder from 'electron-builder'
import { electronBinaryPath, parleyFuseConfig } from './fuse-config.mjs'

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const platform = context.electronPlatformName
  const arch = builder.Arch[context.arch] ?? 'x64'
  const binary = electronBinaryPath({
    platform,
    appOutDir: context.appOutDir,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  })
  const config = parleyFuseConfig({ platform, arch })
  await flipFuses(binary, config)

  const wire = await getCurrentFuseWire(binary)
  const mismatched = Object.entries(config).filter(
    ([key, wanted]) => /^\d+$/.test(key) && wire[Number(key)] !== (wanted ? 49 : 48),
  )
  if (mismatched.length > 0) {
    throw new Error(`Fuses did not flip in ${binary}: ${mismatched.map(([key]) => key).join(', ')}`)
  }
  console.log(`  • Parley fuses flipped in ${binary}`)
}
