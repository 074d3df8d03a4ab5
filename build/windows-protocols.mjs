// Windows only lists an app under Settings → Default apps → "by link type" when the app has
// registered its capabilities (RegisteredApplications → Capabilities\URLAssociations → a ProgID
// with an open command). electron-builder writes none of that for Windows, so the MSI gets it
// from this msiProjectCreated hook and the NSIS installer from build/installer.nsh. Neither
// takes over tel:, sip: or callto: — the user (or an admin's default-associations file) picks.

export const linkTypes = [
  { scheme: 'tel', description: 'Telephone number' },
  { scheme: 'sip', description: 'SIP address' },
  { scheme: 'callto', description: 'Callto link' },
]

// A fixed component GUID: Windows Installer tracks the registry entries by it across upgrades.
export const PROTOCOL_COMPONENT_GUID = '7441CB2D-B29F-4231-979E-28A94FD5E095'

const attribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** The WiX component that registers Parley's link capabilities for all users (per-machine MSI). */
export function wixProtocolComponent({ productName, executable }) {
  // `--` ends Chromium's switch parsing before the link, as app.setAsDefaultProtocolClient does.
  const command = `"[APPLICATIONFOLDER]${executable}" -- "%1"`
  const icon = `"[APPLICATIONFOLDER]${executable}",0`
  const lines = [
    `<Component Id="parleyLinkCapabilities" Guid="${PROTOCOL_COMPONENT_GUID}">`,
    `  <RegistryKey Root="HKLM" Key="SOFTWARE\\${productName}\\Capabilities">`,
    `    <RegistryValue Type="string" Name="ApplicationName" Value="${attribute(productName)}" KeyPath="yes"/>`,
    `    <RegistryValue Type="string" Name="ApplicationDescription" Value="${attribute(`${productName} softphone`)}"/>`,
    ...linkTypes.map(
      ({ scheme }) =>
        `    <RegistryValue Type="string" Key="URLAssociations" Name="${scheme}" Value="${productName}.Url.${scheme}"/>`,
    ),
    `  </RegistryKey>`,
    `  <RegistryValue Root="HKLM" Key="SOFTWARE\\RegisteredApplications" Type="string" Name="${productName}" Value="SOFTWARE\\${productName}\\Capabilities"/>`,
    ...linkTypes.flatMap(({ scheme, description }) => [
      `  <RegistryKey Root="HKLM" Key="SOFTWARE\\Classes\\${productName}.Url.${scheme}">`,
      `    <RegistryValue Type="string" Value="${attribute(`${description} (${productName})`)}"/>`,
      `    <RegistryValue Type="string" Key="DefaultIcon" Value="${attribute(icon)}"/>`,
      `    <RegistryValue Type="string" Key="shell\\open\\command" Value="${attribute(command)}"/>`,
      `  </RegistryKey>`,
    ]),
    `</Component>`,
  ]
  return lines.join('\n')
}

/** Adds the component to electron-builder's product component group; refuses a template it does not recognise. */
export function addProtocolComponent(wxs, app) {
  const closing = '</ComponentGroup>'
  const first = wxs.indexOf(closing)
  if (first === -1 || first !== wxs.lastIndexOf(closing)) {
    throw new Error('MSI project: expected exactly one </ComponentGroup> in electron-builder’s template')
  }
  if (wxs.includes('parleyLinkCapabilities')) return wxs
  return `${wxs.slice(0, first)}${wixProtocolComponent(app)}\n${wxs.slice(first)}`
}
