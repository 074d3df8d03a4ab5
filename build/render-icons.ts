// Renders Parley's icons from SVG with the system Chromium (no ImageMagick needed):
//   resources/icon.svg        → build/icon.png (1024, mac/win source), build/icons/{512,256}x….png,
//                               resources/icon.png (256, window icon at run time)
//   tray glyphs (below)       → resources/tray/<state>.svg, <state>.png (16), <state>@2x.png (32),
//                               and macOS template variants <state>Template(.png|@2x.png).
// Run after changing a design: `npx tsx build/render-icons.ts`; the PNGs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

const root = resolve(import.meta.dirname, '..')

/** One glyph in a 24×24 box: a handset, drawn for Parley. */
const HANDSET =
  'M6.6 3.5 L9.2 3.2 L10.6 7.4 L8.7 8.9 C9.6 11 11.2 12.8 13.4 14.1 L15 12.3 L19.2 13.6 L19 16.4 C18.9 17.6 17.9 18.5 16.7 18.4 C10.1 17.9 5.9 13.4 5.1 6 C5 4.7 5.4 3.6 6.6 3.5 Z'

export type TrayState = 'registered' | 'unregistered' | 'in-call'

// Each state differs in shape as well as colour, so it reads without colour vision and in
// the monochrome macOS menu bar: plain handset, handset struck through, handset with waves.
const trayColours: Record<TrayState, string> = { registered: '#2e8b57', unregistered: '#7b818a', 'in-call': '#d06a00' }

const SLASH = 'M20 4 L4 20'

/** The handset; when struck through, a gap is cut around the bar so it reads at 16 px. */
function handset(state: TrayState, ink: string): string {
  if (state !== 'unregistered') return `<path fill="${ink}" d="${HANDSET}"/>`
  return `<mask id="gap"><rect width="24" height="24" fill="#fff"/><path d="${SLASH}" stroke="#000" stroke-width="5.5" stroke-linecap="round"/></mask><path fill="${ink}" mask="url(#gap)" d="${HANDSET}"/>`
}

function stateMarks(state: TrayState, ink: string): string {
  if (state === 'unregistered') return `<path d="${SLASH}" stroke="${ink}" stroke-width="2.4" stroke-linecap="round"/>`
  if (state === 'in-call') {
    return `<g fill="none" stroke="${ink}" stroke-width="1.8" stroke-linecap="round"><path d="M14.2 3.6 A6.4 6.4 0 0 1 20.4 9.8"/><path d="M13.8 7.2 A3 3 0 0 1 16.8 10.2"/></g>`
  }
  return ''
}

export function traySvg(state: TrayState, template: boolean): string {
  if (template) {
    // Template images: black on transparent; macOS recolours them for light and dark bars.
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">${handset(state, '#000')}${stateMarks(state, '#000')}</svg>`
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24"><circle cx="12" cy="12" r="11.5" fill="${trayColours[state]}"/><g transform="translate(1.4 1.6) scale(0.86)">${handset(state, '#fff')}${stateMarks(state, '#fff')}</g></svg>`
}

async function renderPng(browser: Browser, svg: string, size: number, out: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: size, height: size } })
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
  await page.setContent(`<body style="margin:0;background:transparent"><img style="display:block;width:${size}px;height:${size}px" src="${source}"></body>`)
  await page.locator('img').evaluate((image: HTMLImageElement) => image.decode())
  await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
  await page.close()
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] })
  try {
    const appIcon = readFileSync(join(root, 'resources/icon.svg'), 'utf8')
    mkdirSync(join(root, 'build/icons'), { recursive: true })
    await renderPng(browser, appIcon, 1024, join(root, 'build/icon.png'))
    await renderPng(browser, appIcon, 512, join(root, 'build/icons/512x512.png'))
    await renderPng(browser, appIcon, 256, join(root, 'build/icons/256x256.png'))
    await renderPng(browser, appIcon, 256, join(root, 'resources/icon.png'))

    const trayDir = join(root, 'resources/tray')
    mkdirSync(trayDir, { recursive: true })
    for (const state of ['registered', 'unregistered', 'in-call'] as const) {
      for (const template of [false, true]) {
        const name = template ? `${state}Template` : state
        const svg = traySvg(state, template)
        writeFileSync(join(trayDir, `${name}.svg`), `${svg}\n`)
        await renderPng(browser, svg, 16, join(trayDir, `${name}.png`))
        await renderPng(browser, svg, 32, join(trayDir, `${name}@2x.png`))
      }
    }
  } finally {
    await browser.close()
  }
  console.log('icons rendered into build/, build/icons/, resources/ and resources/tray/')
}

await main()
