export default function afterPack(context: {
  electronPlatformName: string
  arch: number
  appOutDir: string
  packager: { appInfo: { productFilename: string }; executableName?: string }
}): Promise<void>
