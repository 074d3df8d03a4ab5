export const linkTypes: { scheme: string; description: string }[]
export const PROTOCOL_COMPONENT_GUID: string
export function wixProtocolComponent(app: { productName: string; executable: string }): string
export function addProtocolComponent(wxs: string, app: { productName: string; executable: string }): string
