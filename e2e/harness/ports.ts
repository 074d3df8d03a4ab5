import { createServer } from 'node:net'
import { createSocket } from 'node:dgram'

/**
 * Ports for the test bed's servers come from below the kernel's ephemeral range
 * (/proc/sys/net/ipv4/ip_local_port_range, 32768–60999 on Linux): a port the OS hands out
 * can be taken by any short-lived outgoing connection the moment our server frees it, so a
 * PBX restarted on its old port (the outage tests) found it "already in use". Below
 * rtpengine's media ports too (20000 and up, rtpengine.ts). Picked at random and checked free,
 * so parallel test files don't collide either.
 */
const lowest = 10_000
const span = 10_000
const attempts = 64

const candidate = () => lowest + Math.floor(Math.random() * span)

async function firstFree(isFree: (port: number) => Promise<boolean>, kind: string): Promise<number> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = candidate()
    if (await isFree(port)) return port
  }
  throw new Error(`no free ${kind} port on 127.0.0.1 between ${lowest} and ${lowest + span}`)
}

const tcpFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })

const udpFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createSocket('udp4')
    socket.once('error', () => resolve(false))
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)))
  })

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freeTcpPort(): Promise<number> {
  return firstFree(tcpFree, 'TCP')
}

/** A UDP port on 127.0.0.1 that is free right now. */
export function freeUdpPort(): Promise<number> {
  return firstFree(udpFree, 'UDP')
}

/** Throws a clear message when something (e.g. a system Kamailio) already holds the port. */
export async function assertTcpPortFree(port: number): Promise<void> {
  if (!(await tcpFree(port))) throw new Error(`TCP port ${port} on 127.0.0.1 is already in use`)
}

export async function assertUdpPortFree(port: number): Promise<void> {
  if (!(await udpFree(port))) throw new Error(`UDP port ${port} on 127.0.0.1 is already in use`)
}
