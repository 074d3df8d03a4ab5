import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron'
import { statusIconBitmap } from './status-icon'
import type { TrayIconName, TrayMenuId, TrayMenuItem } from './tray-model'
import type { TrayPort } from './tray-service'

function menuTemplate(
  items: TrayMenuItem[],
  onSelect: (id: TrayMenuId) => void,
): MenuItemConstructorOptions[] {
  return items.map((item) => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' }
      case 'label':
        return { label: item.label, enabled: false }
      case 'action':
        return { label: item.label, click: () => onSelect(item.id) }
    }
  })
}

/** Thin adapter: Electron's Tray behind TrayPort. Throws where the desktop has no tray. */
export function createElectronTray(onClick: () => void): TrayPort {
  const icons = new Map<TrayIconName, NativeImage>()
  const icon = (name: TrayIconName) => {
    let image = icons.get(name)
    if (!image) {
      // Drawn at 32 px for high-density screens, shown at 16 px.
      image = nativeImage.createFromBitmap(statusIconBitmap(name, 32), {
        width: 32,
        height: 32,
        scaleFactor: 2,
      })
      icons.set(name, image)
    }
    return image
  }
  const tray = new Tray(icon('offline'))
  tray.on('click', onClick)
  let shownIcon: TrayIconName = 'offline'
  return {
    render(view, onSelect) {
      if (view.iconName !== shownIcon) {
        tray.setImage(icon(view.iconName))
        shownIcon = view.iconName
      }
      tray.setToolTip(view.tooltip)
      tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(view.menu, onSelect)))
    },
    destroy: () => tray.destroy(),
  }
}
