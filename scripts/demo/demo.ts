import { chromium } from 'playwright-core'
import { CHROMIUM_PATH } from '../../e2e/harness/browser'
import { demoColleagues, startDemo } from './start-demo'

// `npm run demo`: Parley in a browser against a real PBX on this computer, signed in, with
// three colleagues. A display: a Chromium window opens on it. None: the URL is printed.
const demo = await startDemo((line) => console.log(line))
const { answers, callsYou, busy } = demoColleagues
console.log(`
Parley demo is running. Open ${demo.url}
  ${answers.name} (${answers.user}) answers and plays a tone
  ${callsYou.name} (${callsYou.user}) calls you a few seconds after you are registered
  ${busy.name} (${busy.user}) is busy (486)
Ctrl+C stops everything.`)

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
const browser = hasDisplay
  ? await chromium
      .launch({
        headless: false,
        executablePath: CHROMIUM_PATH,
        args: ['--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
      })
      .catch((error: unknown) => {
        console.log(`No browser window could be opened (${String(error)}); open the URL above.`)
        return null
      })
  : null
if (browser) await (await browser.newPage()).goto(demo.url)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  console.log('\nStopping the demo…')
  // The PBX and the media relay run in their own process groups, so Ctrl+C does not reach
  // them; npm may end this process before the graceful steps below finish, so they are told
  // to stop first, synchronously.
  demo.bed.terminateNow()
  await browser?.close().catch((error: unknown) => console.log(`The browser did not close: ${String(error)}`))
  await demo.stop()
  console.log('Demo stopped: PBX, colleagues and server are gone.')
  process.exit(0)
}
process.on('exit', () => demo.bed.terminateNow())
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
