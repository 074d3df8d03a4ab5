/**
 * Which USB devices are headsets. Vendor ids are the makers' (USB-IF); product names come from
 * the public usb.ids list. Logitech also makes mice and keyboards, so one of its devices counts
 * only when it is a known headset or says it has an audio interface; the other makers build
 * nothing but audio gear, so any of their devices counts.
 */

interface HeadsetVendor {
  name: string
  /** Every device of this maker is audio gear. */
  audioOnly: boolean
  products: ReadonlyMap<number, string>
}

const vendors: ReadonlyMap<number, HeadsetVendor> = new Map([
  [
    0x0b0e,
    {
      name: 'Jabra',
      audioOnly: true,
      products: new Map([
        [0x0305, 'Jabra Evolve Link MS'],
        [0x0311, 'Jabra Evolve 65'],
        [0x0410, 'Jabra Speak 410'],
        [0x0420, 'Jabra Speak 510'],
        [0x0422, 'Jabra Speak 510 USB'],
        [0x1022, 'Jabra Pro 9450'],
        [0x2007, 'GN 2000 Stereo'],
        [0x2456, 'Jabra Speak 810'],
        [0x245e, 'Jabra Link 370'],
        [0x9330, 'Jabra GN9330'],
        [0xa346, 'Jabra Engage 75 Stereo'],
      ]),
    },
  ],
  [
    0x047f,
    {
      name: 'Plantronics',
      audioOnly: true,
      products: new Map([
        [0x0411, 'Savi Office Base Station'],
        [0xac01, 'Savi 7xx'],
        [0xc00e, 'Blackwire C310'],
        [0xc053, 'Blackwire C5220'],
        [0xc056, 'Blackwire C3220'],
      ]),
    },
  ],
  [0x095d, { name: 'Polycom', audioOnly: true, products: new Map() }],
  [
    0x1395,
    {
      name: 'EPOS',
      audioOnly: true,
      products: new Map([
        [0x0025, 'PC 8 USB headset'],
        [0x3556, 'USB headset'],
      ]),
    },
  ],
  [0x1377, { name: 'Sennheiser', audioOnly: true, products: new Map() }],
  [
    0x046d,
    {
      name: 'Logitech',
      audioOnly: false,
      products: new Map([
        [0x0a01, 'USB Headset'],
        [0x0a02, 'Premium Stereo USB Headset 350'],
        [0x0a0c, 'ClearChat Comfort USB Headset'],
        [0x0a14, 'USB Headset'],
        [0x0a29, 'H600 Wireless Headset'],
        [0x0a37, 'USB Headset H540'],
        [0x0a38, 'Headset H340'],
        [0x0a44, 'Headset H390'],
        [0x0a45, '960 Headset'],
        [0x0a8f, 'H390 Headset'],
        [0x0846, 'ConferenceCam CC3000e Speakerphone'],
        [0x0857, 'Group Speakerphone'],
        [0x0882, 'Group Speakerphone'],
      ]),
    },
  ],
  [0x6993, { name: 'Yealink', audioOnly: true, products: new Map() }],
])

export interface HeadsetIdentity {
  vendor: string
  product: string
}

/**
 * The headset a device is, or null when it is not one.
 * `hasAudioInterface` is undefined when the descriptors could not be read.
 */
export function identifyHeadset(
  vendorId: number,
  productId: number,
  hasAudioInterface: boolean | undefined,
): HeadsetIdentity | null {
  const vendor = vendors.get(vendorId)
  if (!vendor) return null
  const known = vendor.products.get(productId)
  if (known) return { vendor: vendor.name, product: known }
  if (vendor.audioOnly || hasAudioInterface === true) {
    return {
      vendor: vendor.name,
      product: `${vendor.name} USB audio device 0x${productId.toString(16).padStart(4, '0')}`,
    }
  }
  return null
}
