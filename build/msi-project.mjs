// electron-builder `msiProjectCreated` hook: receives the path of the generated .wxs and adds
// Parley's link capabilities (windows-protocols.mjs) and the locked policy folder
// (windows-policy-folder.mjs).
import { addPolicyFolder } from './windows-policy-folder.mjs'
import { addProtocolComponent } from './windows-protocols.mjs'

/** The whole edit, pure: what the hook writes back. */
export function parleyMsiProject(wxs) {
  const app = { productName: 'Parley', executable: 'Parley.exe' }
  return addPolicyFolder(addProtocolComponent(wxs, app), app)
}

export default async function msiProjectCreated(projectFile) {
  const { readFile, writeFile } = await import('node:fs/promises')
  await writeFile(projectFile, parleyMsiProject(await readFile(projectFile, 'utf8')))
}
