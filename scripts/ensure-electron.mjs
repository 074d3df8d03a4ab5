// `npm start` needs Electron's binary. Installs that skip install scripts (npm 11's
// allowScripts, or ELECTRON_SKIP_BINARY_DOWNLOAD in CI) leave it out, so fetch it on first start.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { execFileSync } from 'node:child_process'

const require = createRequire(import.meta.url)
const electronDir = dirname(require.resolve('electron/package.json'))
if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log('Parley: downloading the Electron runtime once…')
  const env = { ...process.env }
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  execFileSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit', env })
}
