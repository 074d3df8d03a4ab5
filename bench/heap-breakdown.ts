import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { TestApp } from '../e2e/harness/app'
import { startTestBed } from '../e2e/harness/test-bed'
import { recordTrace } from './chromium-trace'
import { copyDayData, writeDayData } from './day-data'
import { contactListShown, heapAfterGc, loadToRegistered, pageMarks, pageProbe } from './page-probe'
import { percentile } from './suite'

/**
 * What Parley's JS heap holds with a day's data: one cold load over 10,000 contacts and 50,000
 * calls, then a Chromium heap snapshot (CDP) read into a dominator tree. Prints the heap in use
 * after GC, self and retained sizes per constructor, and the objects retaining the most.
 * `node --import tsx bench/heap-breakdown.ts [--save file.heapsnapshot] [--empty]`
 * A tool to find what to shrink, not a bench figure (that is cold-start's "JS heap after GC").
 */

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[]
      node_types: [string[], ...unknown[]]
      edge_fields: string[]
      edge_types: [string[], ...unknown[]]
    }
  }
  nodes: number[]
  edges: number[]
  strings: string[]
}

async function takeSnapshot(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page)
  const chunks: string[] = []
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk))
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  await cdp.detach()
  return chunks.join('')
}

interface Graph {
  count: number
  type: string[]
  name: string[]
  self: Float64Array
  /** Edges of node i: firstEdge[i] .. firstEdge[i+1] in `targets`. */
  firstEdge: Int32Array
  targets: Int32Array
  edgeName: string[]
  edgeWeak: Uint8Array
}

function readGraph(raw: Snapshot): Graph {
  const meta = raw.snapshot.meta
  const nf = meta.node_fields.length
  const ef = meta.edge_fields.length
  const nodeTypes = meta.node_types[0]
  const edgeTypes = meta.edge_types[0]
  const count = raw.nodes.length / nf
  const typeAt = meta.node_fields.indexOf('type')
  const nameAt = meta.node_fields.indexOf('name')
  const sizeAt = meta.node_fields.indexOf('self_size')
  const edgeCountAt = meta.node_fields.indexOf('edge_count')
  const edgeTypeAt = meta.edge_fields.indexOf('type')
  const edgeNameAt = meta.edge_fields.indexOf('name_or_index')
  const toAt = meta.edge_fields.indexOf('to_node')
  const type: string[] = []
  const name: string[] = []
  const self = new Float64Array(count)
  const firstEdge = new Int32Array(count + 1)
  const edgeTotal = raw.edges.length / ef
  const targets = new Int32Array(edgeTotal)
  const edgeName: string[] = new Array<string>(edgeTotal)
  const edgeWeak = new Uint8Array(edgeTotal)
  let edge = 0
  for (let node = 0; node < count; node++) {
    const base = node * nf
    type.push(nodeTypes[raw.nodes[base + typeAt] as number] ?? '?')
    name.push(raw.strings[raw.nodes[base + nameAt] as number] ?? '?')
    self[node] = raw.nodes[base + sizeAt] as number
    firstEdge[node] = edge
    const edges = raw.nodes[base + edgeCountAt] as number
    for (let k = 0; k < edges; k++, edge++) {
      const eb = edge * ef
      const kind = edgeTypes[raw.edges[eb + edgeTypeAt] as number] ?? '?'
      targets[edge] = (raw.edges[eb + toAt] as number) / nf
      edgeWeak[edge] = kind === 'weak' ? 1 : 0
      const nameOrIndex = raw.edges[eb + edgeNameAt] as number
      edgeName[edge] =
        kind === 'element' || kind === 'hidden' ? `[${nameOrIndex}]` : (raw.strings[nameOrIndex] ?? '?')
    }
  }
  firstEdge[count] = edge
  return { count, type, name, self, firstEdge, targets, edgeName, edgeWeak }
}

/** Immediate dominators (Cooper–Harvey–Kennedy, iterative over reverse postorder from node 0). */
function dominators(g: Graph): { idom: Int32Array; order: Int32Array } {
  const postIndex = new Int32Array(g.count).fill(-1)
  const order: number[] = []
  const stack: Array<[number, number]> = [[0, g.firstEdge[0] as number]]
  postIndex[0] = -2
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as [number, number]
    const [node, next] = top
    if (next < (g.firstEdge[node + 1] as number)) {
      top[1] = next + 1
      const target = g.targets[next] as number
      if (g.edgeWeak[next] || postIndex[target] !== -1) continue
      postIndex[target] = -2
      stack.push([target, g.firstEdge[target] as number])
    } else {
      stack.pop()
      postIndex[node] = order.length
      order.push(node)
    }
  }
  const predecessors: number[][] = Array.from({ length: g.count }, () => [])
  for (let node = 0; node < g.count; node++) {
    if (postIndex[node] === -1) continue
    for (let e = g.firstEdge[node] as number; e < (g.firstEdge[node + 1] as number); e++)
      if (!g.edgeWeak[e] && postIndex[g.targets[e] as number] !== -1)
        (predecessors[g.targets[e] as number] as number[]).push(node)
  }
  const idom = new Int32Array(g.count).fill(-1)
  idom[0] = 0
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while ((postIndex[a] as number) < (postIndex[b] as number)) a = idom[a] as number
      while ((postIndex[b] as number) < (postIndex[a] as number)) b = idom[b] as number
    }
    return a
  }
  for (let changed = true; changed;) {
    changed = false
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i] as number
      if (node === 0) continue
      let dom = -1
      for (const p of predecessors[node] as number[]) {
        if (idom[p] === -1) continue
        dom = dom === -1 ? p : intersect(p, dom)
      }
      if (dom !== -1 && idom[node] !== dom) {
        idom[node] = dom
        changed = true
      }
    }
  }
  return { idom, order: Int32Array.from(order) }
}

function retainedSizes(g: Graph, idom: Int32Array, order: Int32Array): Float64Array {
  const retained = Float64Array.from(g.self)
  for (const node of order)
    if (node !== 0 && idom[node] !== -1) retained[idom[node] as number]! += retained[node]!
  return retained
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`.padStart(11)

function report(g: Graph, idom: Int32Array, retained: Float64Array): void {
  const label = (node: number) => `${g.type[node]}:${(g.name[node] ?? '').slice(0, 60)}`
  const byClass = new Map<string, { self: number; retained: number; count: number }>()
  // Retained per class: only counting objects whose dominator is not of the same class.
  for (let node = 1; node < g.count; node++) {
    if (idom[node] === -1) continue
    const key = g.type[node] === 'object' ? (g.name[node] ?? '?') : `(${g.type[node]})`
    const entry = byClass.get(key) ?? { self: 0, retained: 0, count: 0 }
    entry.self += g.self[node] as number
    entry.count++
    const parent = idom[node] as number
    const parentKey = g.type[parent] === 'object' ? g.name[parent] : `(${g.type[parent]})`
    if (parentKey !== key) entry.retained += retained[node] as number
    byClass.set(key, entry)
  }
  const total = g.self.reduce((sum, size) => sum + size, 0)
  console.log(`snapshot total self size ${kb(total)}, ${g.count} nodes`)
  console.log('\nby constructor (self, retained, count), top 40 by self:')
  for (const [key, entry] of [...byClass].sort((a, b) => b[1].self - a[1].self).slice(0, 40))
    console.log(
      `${kb(entry.self)} ${kb(entry.retained)} ${String(entry.count).padStart(7)}  ${key.slice(0, 80)}`,
    )
  console.log('\nlargest retainers (retained ≥ 100 kB, not system roots), with their dominator chain:')
  const big: number[] = []
  for (let node = 1; node < g.count; node++)
    if ((retained[node] as number) >= 100 * 1024 && g.type[node] !== 'synthetic') big.push(node)
  big.sort((a, b) => (retained[b] as number) - (retained[a] as number))
  for (const node of big.slice(0, 40)) {
    const chain: string[] = []
    for (let at = idom[node] as number, hops = 0; at > 0 && hops < 4; at = idom[at] as number, hops++)
      chain.push(label(at).slice(0, 30))
    console.log(`${kb(retained[node] as number)}  ${label(node)}  ⟵ ${chain.join(' ⟵ ')}`)
  }
  console.log('\nchildren (in the dominator tree) of the largest app objects:')
  for (const node of big.slice(0, 25)) {
    if (g.type[node] !== 'object' || /^(Window|system|global)/.test(g.name[node] ?? '')) continue
    const kids: number[] = []
    for (let e = g.firstEdge[node] as number; e < (g.firstEdge[node + 1] as number); e++) {
      const target = g.targets[e] as number
      if (idom[target] === node) kids.push(e)
    }
    kids.sort(
      (a, b) => (retained[g.targets[b] as number] as number) - (retained[g.targets[a] as number] as number),
    )
    console.log(`${label(node)} ${kb(retained[node] as number)}`)
    for (const e of kids.slice(0, 8))
      console.log(
        `    .${g.edgeName[e]} ${kb(retained[g.targets[e] as number] as number)} ${label(g.targets[e] as number)}`,
      )
  }
}

/** The day-use bench's typing (bench/day-use.ts), two rounds: list updated and next frame. */
async function typeQueries(page: Page): Promise<void> {
  const field = page.locator('#contact-search')
  // How long each input event waited before its handlers ran (not the app's time).
  await page.evaluate(() => {
    const waits: number[] = []
    ;(window as unknown as { __inputWaits: number[] }).__inputWaits = waits
    window.addEventListener('input', (event) => waits.push(performance.now() - event.timeStamp), {
      capture: true,
    })
  })
  const before = (await pageMarks(page)).keystrokes.length
  for (let round = 0; round < 2; round++)
    for (const query of ['ostlund', 'åsa ö', '+46 8-12', 'nyström 4']) {
      await field.pressSequentially(query, { delay: 40 })
      await field.fill('')
    }
  await page.waitForTimeout(100)
  const keys = (await pageMarks(page)).keystrokes.slice(before).filter((k) => k.value !== '')
  const waits = await page.evaluate(() => (window as unknown as { __inputWaits: number[] }).__inputWaits)
  console.log(
    `input event → handler: p50 ${percentile(waits, 0.5).toFixed(1)} p95 ${percentile(waits, 0.95).toFixed(1)} ms`,
  )
  const byLength = new Map<number, number[]>()
  for (const k of keys) byLength.set(k.value.length, [...(byLength.get(k.value.length) ?? []), k.listMs])
  console.log(
    'list ms by characters typed:',
    [...byLength].map(([length, ms]) => `${length}: ${ms.map((m) => m.toFixed(1)).join('/')}`).join('  '),
  )
  const list = keys.map((k) => k.listMs)
  const frame = keys.map((k) => k.frameMs)
  console.log(
    `keystrokes ${keys.length}: list p50 ${percentile(list, 0.5).toFixed(1)} p95 ${percentile(list, 0.95).toFixed(1)} ms; ` +
      `frame p50 ${percentile(frame, 0.5).toFixed(1)} p95 ${percentile(frame, 0.95).toFixed(1)} ms`,
  )
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  hitCount?: number
  children?: number[]
}

/** A CPU profile of one round of typing: self time per function, top 30. */
async function profileTyping(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  const field = page.locator('#contact-search')
  for (const query of ['ostlund', 'åsa ö', '+46 8-12', 'nyström 4']) {
    await field.pressSequentially(query, { delay: 40 })
    await field.fill('')
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  await cdp.detach()
  const self = new Map<string, number>()
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame
    if (!frame) return
    const key = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  // Inclusive time per function (a function counted once per stack).
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const inclusive = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame
      if (!frame || !frame.url) continue
      const key = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}:${frame.columnNumber}`
      if (seen.has(key)) continue
      seen.add(key)
      inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
    }
  })
  console.log('inclusive, top 40:')
  for (const [key, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`)
  const busy = [...self].filter(([key]) => !key.startsWith('(idle)'))
  console.log(`profile: ${busy.reduce((sum, [, ms]) => sum + ms, 0).toFixed(0)} ms busy`)
  for (const [key, ms] of busy.sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`)
}

/** A Chromium trace of typing: main-thread time per event kind (style, layout, paint, script). */
async function traceTyping(page: Page): Promise<void> {
  const field = page.locator('#contact-search')
  let typed = 0
  const events = await recordTrace(
    page,
    'devtools.timeline,disabled-by-default-devtools.timeline',
    async () => {
      for (const query of ['ostlund', 'åsa ö', '+46 8-12', 'nyström 4']) {
        await field.pressSequentially(query, { delay: 40 })
        typed += query.length
        await field.fill('')
      }
    },
  )
  const main = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input')?.tid
  const totals = new Map<string, number>()
  for (const e of events) {
    if (e.tid !== main || e.ph !== 'X' || !e.dur) continue
    const name = e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type ?? ''}` : e.name
    totals.set(name, (totals.get(name) ?? 0) + e.dur / 1000)
    totals.set(`${name} (count)`, (totals.get(`${name} (count)`) ?? 0) + 1)
  }
  console.log(`trace, main thread per typed character (${typed}):`)
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${(ms / typed).toFixed(2).padStart(8)} ms  ${name}`)
}

const args = process.argv.slice(2)
const saveAt = args.indexOf('--save')
const bed = await startTestBed(() => undefined)
try {
  if (bed.rendererBuildError) throw new Error(bed.rendererBuildError)
  const dayData = join(bed.runDir, 'day-data')
  mkdirSync(dayData)
  writeDayData(dayData)
  const app = await TestApp.start({
    name: 'heap-breakdown',
    baseUrl: bed.baseUrl,
    pbx: bed.pbx.info,
    account: { user: '7351' },
    ...(args.includes('--empty') ? {} : { prepare: (dir: string) => copyDayData(dayData, dir) }),
    beforeLoad: (ua) => ua.context.addInitScript(pageProbe),
  })
  try {
    await loadToRegistered(app.page)
    const registeredAt = Date.now()
    if (!args.includes('--empty')) await contactListShown(app.page)
    console.log(`contact list shown ${Date.now() - registeredAt} ms after Registered`)
    await app.page.waitForTimeout(Number(args[args.indexOf('--settle') + 1] ?? 1500) || 1500)
    console.log(`JS heap after GC: ${(await heapAfterGc(app.page)).toFixed(2)} MB`)
    const text = await takeSnapshot(app.page)
    if (saveAt >= 0) writeFileSync(args[saveAt + 1] ?? 'parley.heapsnapshot', text)
    const graph = readGraph(JSON.parse(text) as Snapshot)
    const { idom, order } = dominators(graph)
    report(graph, idom, retainedSizes(graph, idom, order))
    if (args.includes('--keys')) await typeQueries(app.page)
    if (args.includes('--profile')) await profileTyping(app.page)
    if (args.includes('--trace')) await traceTyping(app.page)
  } finally {
    await app.close()
  }
} finally {
  await bed.stop()
}
