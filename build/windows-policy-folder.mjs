// The machine policy folder (<ProgramData>\Parley, main/policy/README.md) must exist with only
// administrators allowed to write it before any standard user can create it: a folder a user
// created in ProgramData gives that user full control, and Parley then refuses every policy in
// it. The per-machine MSI (run elevated) creates it with a protected ACL from this
// msiProjectCreated step. The per-user NSIS installer cannot (it never runs elevated); with it
// the admin pre-creates the folder (docs/packaging.md).

// A fixed component GUID: Windows Installer tracks the folder by it across upgrades.
export const POLICY_FOLDER_COMPONENT_GUID = 'C0E7B3A1-5D42-4F7E-9B1C-2A6F8D3E4B59'

/**
 * The folder's security descriptor: owner Administrators; a protected DACL (inherits nothing from
 * ProgramData, whose default lets Users create files); SYSTEM and Administrators full control,
 * Users read and execute only, for the folder and everything in it.
 */
export const POLICY_FOLDER_SDDL = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)'

/** The WiX directory for <CommonAppData>\<productName> and the component that creates it locked. */
export function wixPolicyFolder({ productName }) {
  return {
    directory: [
      `<DirectoryRef Id="TARGETDIR">`,
      `  <Directory Id="CommonAppDataFolder">`,
      `    <Directory Id="PARLEYPOLICYFOLDER" Name="${productName}"/>`,
      `  </Directory>`,
      `</DirectoryRef>`,
    ].join('\n'),
    // Permanent: an uninstall or upgrade keeps the admin's policy (and its ACL) in place.
    component: [
      `<Component Id="parleyPolicyFolder" Directory="PARLEYPOLICYFOLDER" Guid="${POLICY_FOLDER_COMPONENT_GUID}" Permanent="yes">`,
      `  <CreateFolder>`,
      `    <PermissionEx Sddl="${POLICY_FOLDER_SDDL}"/>`,
      `  </CreateFolder>`,
      `</Component>`,
    ].join('\n'),
  }
}

/** Adds the directory and the component to electron-builder's MSI project. */
export function addPolicyFolder(wxs, app) {
  const group = '</ComponentGroup>'
  const product = '</Product>'
  for (const closing of [group, product]) {
    const first = wxs.indexOf(closing)
    if (first === -1 || first !== wxs.lastIndexOf(closing))
      throw new Error(`MSI project: expected exactly one ${closing} in electron-builder’s template`)
  }
  if (wxs.includes('parleyPolicyFolder')) return wxs
  const { directory, component } = wixPolicyFolder(app)
  const withComponent = wxs.replace(group, `${component}\n${group}`)
  return withComponent.replace(product, `${directory}\n${product}`)
}
