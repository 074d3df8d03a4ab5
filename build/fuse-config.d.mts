import type { FuseV1Config } from '@electron/fuses'

export function parleyFuseConfig(target?: { platform: string; arch: string }): FuseV1Config
export function electronBinaryPath(app: {
  platform: string
  appOutDir: string
  productFilename: string
  executableName: string
}): string
