import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileLogger } from './file-logger'

const fixedNow = () => new Date('2026-11-29T13:00:00.000Z')

function startLogger(options: Partial<ConstructorParameters<typeof FileLogger>[0]> = {}) {
  const dir = join(mkdtempSync(join(tmpdir(), 'parley-log-')), 'logs')
  const logger = new FileLogger({ dir, now: fixedNow, ...options })
  logger.start()
  return { dir, logger, read: (name = 'parley.log') => readFileSync(join(dir, name), 'utf8') }
}

describe('FileLogger', () => {
  it('writes levelled, timestamped lines with their details to parley.log in the given folder', () => {
    const { logger, read } = startLogger()
    logger.info('Registered', { user: '1001' })
    logger.error('History write failed', new Error('EACCES'))
    const text = read()
    expect(text).toContain('2026-11-29T13:00:00.000Z INFO  Registered | {"user":"1001"}\n')
    expect(text).toMatch(/ERROR History write failed \| Error: EACCES\n {4}\s*at /)
  })

  it('creates the folder 0700 and the file 0600 (only its user may read it)', () => {
    const { dir, logger } = startLogger()
    logger.info('hello')
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(statSync(join(dir, 'parley.log')).mode & 0o777).toBe(0o600)
  })

  it('tightens an existing log file to 0600 at start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-log-'))
    writeFileSync(join(dir, 'parley.log'), 'old\n', { mode: 0o644 })
    new FileLogger({ dir }).start()
    expect(statSync(join(dir, 'parley.log')).mode & 0o777).toBe(0o600)
  })

  it('drops lines below its level', () => {
    const { logger, read } = startLogger({ level: 'warn' })
    logger.write('debug', 'chatter')
    logger.info('routine')
    logger.warn('odd')
    expect(read()).not.toMatch(/chatter|routine/)
    expect(read()).toContain('WARN  odd')
  })

  it('rotates by size and keeps only `keep` older files, so the folder stays bounded', () => {
    const { dir, logger } = startLogger({ maxBytes: 200, keep: 2 })
    for (let i = 0; i < 40; i++) logger.info(`line ${String(i).padStart(2, '0')} ${'x'.repeat(40)}`)
    expect(logger.files().map((path) => basename(path))).toEqual([
      'parley.2.log',
      'parley.1.log',
      'parley.log',
    ])
    for (const path of logger.files()) expect(statSync(path).size).toBeLessThanOrEqual(200)
    // Newest lines in the current file, the ones before in .1, older lines gone for good.
    expect(readFileSync(join(dir, 'parley.log'), 'utf8')).toContain('line 39')
    const all = logger
      .files()
      .map((path) => readFileSync(path, 'utf8'))
      .join('')
    expect(all).not.toContain('line 00')
  })

  it('redacts before writing: header values and known secrets never reach the file', () => {
    const { logger, read } = startLogger()
    logger.redactor.addSecret('parley-test-secret')
    logger.warn('SIP said', 'Authorization: Digest username="1001", response="feedface99"')
    logger.error('Sign-in failed', { password: 'parley-test-secret' })
    logger.info('user typed parley-test-secret')
    expect(read()).not.toMatch(/feedface99|parley-test-secret/)
  })

  it('indents continuation lines so outside text cannot forge an entry', () => {
    const { read, logger } = startLogger()
    logger.info('caller name: Eve\n2026-11-29T13:00:00.000Z ERROR forged\u001b[31m')
    const lines = read().split('\n')
    expect(lines[1]).toBe('    2026-11-29T13:00:00.000Z ERROR forged?[31m')
  })

  it('writes nothing to disk before start or after stop, but still echoes', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'parley-log-')), 'logs')
    const echoed: string[] = []
    const logger = new FileLogger({
      dir,
      echo: { info: (m) => echoed.push(m), warn: () => 0, error: () => 0 },
    })
    logger.info('early')
    expect(logger.files()).toEqual([])
    expect(echoed[0]).toMatch(/INFO {2}early$/)
  })
})
