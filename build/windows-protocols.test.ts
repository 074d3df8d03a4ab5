import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROTOCOL_COMPONENT_GUID, addProtocolComponent, wixProtocolComponent } from './windows-protocols.mjs'

const app = { productName: 'Parley', executable: 'Parley.exe' }

/** Element nesting check for the generated fragment (no comments or CDATA in it). */
function unbalancedTags(xml: string): string[] {
  const stack: string[] = []
  const problems: string[] = []
  for (const [, closing, name, selfClosing] of xml.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue
    if (!closing) stack.push(name as string)
    else if (stack.pop() !== name) problems.push(`unexpected </${name}>`)
  }
  return [...problems, ...stack.map((name) => `unclosed <${name}>`)]
}

describe('wixProtocolComponent', () => {
  const component = wixProtocolComponent(app)

  it('is a balanced WiX component with a fixed GUID and one key path', () => {
    expect(unbalancedTags(component)).toEqual([])
    expect(component).toContain(`Guid="${PROTOCOL_COMPONENT_GUID}"`)
    expect(component.match(/KeyPath="yes"/g)).toHaveLength(1)
  })

  it('registers Parley under RegisteredApplications with a URL association per link type', () => {
    expect(component).toContain(
      'Key="SOFTWARE\\RegisteredApplications" Type="string" Name="Parley" Value="SOFTWARE\\Parley\\Capabilities"',
    )
    for (const scheme of ['tel', 'sip', 'callto']) {
      expect(component).toContain(`Key="URLAssociations" Name="${scheme}" Value="Parley.Url.${scheme}"`)
      expect(component).toContain(`Key="SOFTWARE\\Classes\\Parley.Url.${scheme}"`)
    }
  })

  it('opens links with the installed exe, the link quoted after "--" so it can never be a switch', () => {
    expect(component).toContain(
      'Key="shell\\open\\command" Value="&quot;[APPLICATIONFOLDER]Parley.exe&quot; -- &quot;%1&quot;"',
    )
  })

  it('does not take over the tel:, sip: or callto: keys themselves', () => {
    expect(component).not.toMatch(/Classes\\(tel|sip|callto)"/)
  })
})

describe('addProtocolComponent', () => {
  const template = readFileSync(
    join(import.meta.dirname, '../node_modules/app-builder-lib/templates/msi/template.xml'),
    'utf8',
  )

  it("puts the component inside electron-builder's product component group", () => {
    const result = addProtocolComponent(template, app)
    const group = result.slice(result.indexOf('<ComponentGroup Id="ProductComponents"'), result.indexOf('</ComponentGroup>'))
    expect(group).toContain('<Component Id="parleyLinkCapabilities"')
  })

  it('adds it once even if the hook runs twice', () => {
    const once = addProtocolComponent(template, app)
    expect(addProtocolComponent(once, app)).toBe(once)
  })

  it('refuses a template it does not recognise rather than guess', () => {
    expect(() => addProtocolComponent('<Wix><Product/></Wix>', app)).toThrow(/ComponentGroup/)
  })
})
