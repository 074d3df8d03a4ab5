import { createServer } from 'node:net'
import { createSocket } from 'node:dgram'

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it). */
export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else reject(new Error('no port'))
      })
    })
  })
}

/** A UDP port on 127.0.0.1 that is free right now. */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4')
    socket.once('error', reject)
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address()
      socket.close(() => resolve(port))
    })
  })
}

/** Throws a clear message when something (e.g. a system Kamailio) already holds the port. */
export async function assertTcpPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer()
    server.once('error', () => reject(new Error(`TCP port ${port} on 127.0.0.1 is already in use`)))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}

export async function assertUdpPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const socket = createSocket('udp4')
    socket.once('error', () => reject(new Error(`UDP port ${port} on 127.0.0.1 is already in use`)))
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve()))
  })
}
