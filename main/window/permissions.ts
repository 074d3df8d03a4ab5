import { createSameOriginCheck, type TrustedRenderer } from '../ipc/trusted-sender'

/**
 * A softphone needs the microphone and nothing else from the browser's permission system:
 * no camera, no screen capture, no notifications from the page (main owns those), no
 * geolocation, USB, clipboard, MIDI or fullscreen. Everything not explicitly audio capture
 * from the app's own page is refused.
 */
export interface PermissionQuestion {
  permission: string
  /** Request handler: details.mediaTypes. */
  mediaTypes?: readonly string[] | undefined
  /** Check handler: details.mediaType. */
  mediaType?: string | undefined
  /** The page asking (details.requestingUrl, or the check's requestingOrigin). */
  requestingUrl?: string | undefined
}

export function decidePermission(
  question: PermissionQuestion,
  isTrustedPage: (url: string) => boolean,
): boolean {
  if (question.permission !== 'media') return false
  if (!question.requestingUrl || !isTrustedPage(question.requestingUrl)) return false
  if (question.mediaTypes !== undefined) {
    return question.mediaTypes.length > 0 && question.mediaTypes.every((type) => type === 'audio')
  }
  return question.mediaType === 'audio'
}

/** The app's page, given the same facts the IPC sender check uses. */
export function createTrustedPageCheck(trusted: TrustedRenderer): (url: string) => boolean {
  return createSameOriginCheck(trusted)
}

/** Electron wiring: both handlers, since Chromium consults one or the other depending on the API. */
export function installPermissionHandlers(
  session: Pick<
    Electron.Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
  isTrustedPage: (url: string) => boolean,
): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : undefined
    callback(
      decidePermission({ permission, mediaTypes, requestingUrl: details.requestingUrl }, isTrustedPage),
    )
  })
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    decidePermission(
      { permission, mediaType: details.mediaType, requestingUrl: details.requestingUrl ?? requestingOrigin },
      isTrustedPage,
    ),
  )
  session.setDevicePermissionHandler(() => false)
}
