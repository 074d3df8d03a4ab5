export const POLICY_FOLDER_COMPONENT_GUID: string
export const POLICY_FOLDER_SDDL: string
export function wixPolicyFolder(app: { productName: string }): { directory: string; component: string }
export function addPolicyFolder(wxs: string, app: { productName: string }): string
