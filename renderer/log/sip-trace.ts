import type { ParleyApi } from '../../contract/ipc'
import { sipTraceLimits } from '../../contract/limits'
import type { SipTraceSink } from '../sip/stack'

const cutMarker = '\n[… cut]'

/**
 * The SIP adapter's trace sink: each message goes to main over `sip-trace:write`. Main decides
 * whether it is kept (the `sipTrace` preference); here it is only cut to the contract's limit,
 * so a huge message still leaves its start in the trace instead of failing validation. While
 * `wanted()` says no (the trace is off) nothing is sent: a board of 500 colleagues exchanges
 * thousands of SUBSCRIBEs and NOTIFYs, and each would cost an IPC round trip for nothing.
 */
export function ipcSipTrace(
  api: Pick<ParleyApi, 'invoke'>,
  warn: (message: string) => void,
  wanted: () => boolean = () => true,
): SipTraceSink {
  let warned = false
  const failed = (reason: unknown) => {
    // Said once: a trace that cannot be written would otherwise repeat on every message.
    if (warned) return
    warned = true
    warn(`the SIP trace could not be written: ${String(reason)}`)
  }
  return (direction, text) => {
    if (!text || !wanted()) return
    const max = sipTraceLimits.text
    const bounded = text.length > max ? `${text.slice(0, max - cutMarker.length)}${cutMarker}` : text
    api.invoke('sip-trace:write', { direction, text: bounded }).then((result) => {
      if (!result.ok) failed(result.error.message.key)
    }, failed)
  }
}
