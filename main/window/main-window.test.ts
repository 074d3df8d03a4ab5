import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from './main-window'

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs', { devTools: false })

  it('lets the window narrow to 360 px (docked beside the work) and opens it within bounds', () => {
    expect(options).toMatchObject({ minWidth: 360, minHeight: 480 })
    expect(options.width).toBeGreaterThanOrEqual(1000)
    expect(options.height).toBeGreaterThanOrEqual(680)
    // Fits a 1366×768 screen after a taskbar of 40 px.
    expect(options.width).toBeLessThanOrEqual(1366)
    expect(options.height).toBeLessThanOrEqual(728)
  })

  it('opens where the window was remembered', () => {
    const placed = mainWindowOptions('/p.cjs', { devTools: false }, undefined, {
      bounds: { x: 1930, y: 40, width: 400, height: 700 },
      maximized: false,
    })
    expect(placed).toMatchObject({ x: 1930, y: 40, width: 400, height: 700, minWidth: 360 })
  })

  it('lets call audio and the ringtone play without a click, and stays isolated', () => {
    expect(options.webPreferences).toMatchObject({
      autoplayPolicy: 'no-user-gesture-required',
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
  })

  it('turns DevTools off when asked (packaged) and on only for a development run', () => {
    expect(options.webPreferences?.devTools).toBe(false)
    const dev = mainWindowOptions('/app/out/preload/index.cjs', { devTools: true })
    expect(dev.webPreferences?.devTools).toBe(true)
  })
})
