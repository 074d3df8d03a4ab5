import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parleyMsiProject } from './msi-project.mjs'
import { POLICY_FOLDER_SDDL, addPolicyFolder, wixPolicyFolder } from './windows-policy-folder.mjs'

const template = readFileSync(
  join(import.meta.dirname, '../node_modules/app-builder-lib/templates/msi/template.xml'),
  'utf8',
)

/** The access entries of an SDDL DACL: [type, flags, rights, trustee]. */
function aces(sddl: string): string[][] {
  const dacl = sddl.slice(sddl.indexOf('D:'))
  return [...dacl.matchAll(/\(([^)]*)\)/g)].map((match) => {
    const [type = '', flags = '', rights = '', , , trustee = ''] = (match[1] as string).split(';')
    return [type, flags, rights, trustee]
  })
}

/** Rights that include nothing but read, list and execute (FILE_GENERIC_READ | EXECUTE). */
const readOnly = new Set(['0x1200a9', 'FR', 'FX', 'GR', 'GX'])

describe('the machine policy folder in the MSI', () => {
  it('lets only SYSTEM and Administrators write it: a protected DACL owned by Administrators', () => {
    expect(POLICY_FOLDER_SDDL.startsWith('O:BA')).toBe(true)
    // P: nothing inherited from ProgramData (whose default lets Users create files and folders).
    expect(POLICY_FOLDER_SDDL).toMatch(/D:P/)
    const entries = aces(POLICY_FOLDER_SDDL)
    expect(entries.length).toBeGreaterThan(0)
    for (const [type, , rights, trustee] of entries) {
      expect(type).toBe('A')
      if (!readOnly.has(rights as string)) expect(['SY', 'BA']).toContain(trustee)
    }
    expect(entries.some(([, , rights, trustee]) => trustee === 'BU' && readOnly.has(rights as string))).toBe(true)
  })

  it('creates <CommonAppData>\\Parley with that ACL, kept on uninstall', () => {
    const { directory, component } = wixPolicyFolder({ productName: 'Parley' })
    expect(directory).toMatch(/<Directory Id="CommonAppDataFolder">\s*<Directory Id="PARLEYPOLICYFOLDER" Name="Parley"\/>/)
    expect(component).toContain('Directory="PARLEYPOLICYFOLDER"')
    expect(component).toContain('Permanent="yes"')
    expect(component).toContain(`<PermissionEx Sddl="${POLICY_FOLDER_SDDL}"/>`)
  })

  it("goes into electron-builder's MSI template: the component in the product group, the folder in the product", () => {
    const wxs = parleyMsiProject(template)
    const group = wxs.slice(wxs.indexOf('<ComponentGroup Id="ProductComponents"'), wxs.indexOf('</ComponentGroup>'))
    expect(group).toContain('<Component Id="parleyPolicyFolder"')
    expect(group).toContain('<Component Id="parleyLinkCapabilities"')
    const product = wxs.slice(wxs.indexOf('<Product '), wxs.indexOf('</Product>'))
    expect(product).toContain('<DirectoryRef Id="TARGETDIR">')
    // Applying it twice (a rebuild of the same project) adds nothing.
    expect(parleyMsiProject(wxs)).toBe(wxs)
    expect(() => addPolicyFolder('<Wix/>', { productName: 'Parley' })).toThrow(/ComponentGroup/)
  })
})
