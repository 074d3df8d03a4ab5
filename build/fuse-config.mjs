// The Electron fuses Parley ships with. Fuses are bits in the Electron binary itself, so they
// hold even if someone edits the app's files or launches it with hostile flags or environment.
import { FuseV1Options, FuseVersion } from '@electron/fuses'

/** @returns {import('@electron/fuses').FuseV1Config} */
export function parleyFuseConfig({ platform, arch } = { platform: process.platform, arch: process.arch }) {
  return {
    version: FuseVersion.V1,
    // Not strict: a fuse newer than this @electron/fuses keeps Electron's default instead of
    // failing a release build that cannot be tried here first.
    strictlyRequireAllFuses: false,
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node runtime.
    [FuseV1Options.RunAsNode]: false,
    // Cookies (and anything Chromium stores with them) encrypted with the OS key store.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect and SIGUSR1 would let any local process debug the main process.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // app.asar is checked against the hash electron-builder records (macOS, Windows).
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Only app.asar may hold the app: a dropped-in resources/app folder is ignored.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The renderer is served from app://parley (main/window/app-protocol.ts), so file:// gets
    // no more than a browser gives it: a script injected into a page cannot read local files.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // Apple Silicon refuses to run an ad-hoc-signed binary whose bytes changed.
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
  }
}

/**
 * Where the fuse wire lives in an unpacked app, per platform.
 * @param {{ platform: string, appOutDir: string, productFilename: string, executableName: string }} app
 */
export function electronBinaryPath({ platform, appOutDir, productFilename, executableName }) {
  if (platform === 'darwin' || platform === 'mas') return `${appOutDir}/${productFilename}.app`
  if (platform === 'win32') return `${appOutDir}/${productFilename}.exe`
  return `${appOutDir}/${executableName}`
}
