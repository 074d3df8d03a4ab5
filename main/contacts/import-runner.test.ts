import { MemoryLogger } from '../log/logger'
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { contactImportRequestSchema, maxImportChars } from '../../contract/schemas'
import { ContactImportRunner, ImportStopped, type ImportWorker } from './import-runner'
import { startSourceImportWorker } from '../testing/source-import-worker'

const csv = (rows: number) =>
  `First Name,Last Name,Business Phone\n${Array.from({ length: rows }, (_, i) => `Åsa,Östlund ${i},+46 8 ${100_000 + i}\n`).join('')}`

/** A worker that only ever dies, as a thread can (out of memory, killed). */
class DyingWorker extends EventEmitter implements ImportWorker {
  postMessage(): void {
    setImmediate(() => this.emit('exit', 1))
  }
  terminate(): Promise<number> {
    return Promise.resolve(1)
  }
}

/** A worker that sends its whole answer and ends at once, before main has parsed any of it. */
class HastyWorker extends EventEmitter implements ImportWorker {
  postMessage(): void {
    setImmediate(() => {
      for (let i = 0; i < 3; i++) {
        const batch = {
          contacts: [{ name: `C${i}`, company: '', favourite: false, numbers: [] }],
          keys: [`c${i}|`],
        }
        this.emit('message', { type: 'contacts', json: JSON.stringify(batch) })
      }
      this.emit('message', { type: 'done', empty: 2 })
      this.emit('exit', 0)
    })
  }
  terminate(): Promise<number> {
    return Promise.resolve(0)
  }
}

describe('ContactImportRunner', () => {
  it('parses batches one per turn and keeps them when the worker has already ended', async () => {
    const runner = new ContactImportRunner({
      startWorker: () => new HastyWorker(),
      timeLimitMs: 30_000,
      logger: new MemoryLogger(),
    })
    const parsed = await runner.run({ format: 'csv', text: 'Name\nBo\n' }, () => undefined)
    expect(parsed.contacts.map((contact) => contact.name)).toEqual(['C0', 'C1', 'C2'])
    expect(parsed).toMatchObject({ keys: ['c0|', 'c1|', 'c2|'], empty: 2 })
  })

  it('reads a file in a worker thread, reporting progress in whole percents', async () => {
    const runner = new ContactImportRunner({
      startWorker: startSourceImportWorker,
      timeLimitMs: 30_000,
      logger: new MemoryLogger(),
    })
    const percents: number[] = []
    const parsed = await runner.run({ format: 'csv', text: csv(20_000) }, (percent) => percents.push(percent))
    expect(parsed.contacts).toHaveLength(20_000)
    expect(parsed.keys).toHaveLength(20_000)
    expect(parsed.contacts[19_999]).toMatchObject({ name: 'Åsa Östlund 19999' })
    expect(parsed.keys[0]).toBe('asa ostlund 0|468100000')
    expect(percents.length).toBeGreaterThan(2)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
    expect(Math.max(...percents)).toBeLessThanOrEqual(100)
  })

  it('passes a refused file on with its line', async () => {
    const runner = new ContactImportRunner({
      startWorker: startSourceImportWorker,
      timeLimitMs: 30_000,
      logger: new MemoryLogger(),
    })
    const refused = runner.run({ format: 'vcard', text: 'BEGIN:VCARD\nFN:Half\n' }, () => undefined)
    await expect(refused).rejects.toMatchObject({
      reason: 'refused',
      message: /^Line 1: this card is never closed/,
    })
  })

  it('stops the worker at the time limit and says so', async () => {
    const runner = new ContactImportRunner({
      startWorker: startSourceImportWorker,
      timeLimitMs: 5,
      logger: new MemoryLogger(),
    })
    const stopped = runner.run({ format: 'csv', text: csv(50_000) }, () => undefined)
    await expect(stopped).rejects.toBeInstanceOf(ImportStopped)
    await expect(stopped).rejects.toMatchObject({
      reason: 'time-limit',
      message: 'Reading the file took longer than 1 second, so it was stopped. Try a smaller file.',
    })
  })

  it('reports a worker that dies instead of waiting for it', async () => {
    const runner = new ContactImportRunner({
      startWorker: () => new DyingWorker(),
      timeLimitMs: 30_000,
      logger: new MemoryLogger(),
    })
    await expect(runner.run({ format: 'csv', text: 'Name\nBo\n' }, () => undefined)).rejects.toMatchObject({
      reason: 'failed',
      message: 'The import stopped unexpectedly (code 1).',
    })
  })
})

describe('contact import size limit', () => {
  it('refuses a file over the limit in the contract, with a message a person can act on', () => {
    const parsed = contactImportRequestSchema.safeParse({
      format: 'csv',
      text: 'x'.repeat(maxImportChars + 1),
    })
    expect(parsed.success).toBe(false)
    // A catalogue key, worded in the user's language by the window (see issueMessage).
    expect(parsed.error?.issues[0]?.message).toBe('import.too-large')
    expect(
      contactImportRequestSchema.safeParse({ format: 'csv', text: 'x'.repeat(21_000_000) }).success,
    ).toBe(true)
  })
})
