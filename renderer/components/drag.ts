/** The HTML5 drag payload of a call card: its id under our own type (plus text for tools). */
export const callDragType = 'application/x-parley-call'

export function startCallDrag(event: DragEvent, callId: string): void {
  if (!event.dataTransfer) return
  event.dataTransfer.setData(callDragType, callId)
  event.dataTransfer.setData('text/plain', callId)
  event.dataTransfer.effectAllowed = 'move'
}

/** True while a call card is dragged over us (the data itself is readable only on drop). */
export function isCallDrag(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes(callDragType) ?? false
}

export function droppedCallId(event: DragEvent): string | null {
  const id = event.dataTransfer?.getData(callDragType)
  return id ? id : null
}

/**
 * Drop-target wiring shared by contacts, numbers, the search field and call cards: accept only
 * call drags, expose `active` for the highlight, and hand over the call id on drop.
 */
export function callDropTarget(onDrop: (callId: string) => void, onActiveChange: (active: boolean) => void) {
  let depth = 0
  return {
    // Nested targets (a number inside a contact): only the innermost one reacts.
    ondragenter(event: DragEvent) {
      if (!isCallDrag(event)) return
      event.preventDefault()
      event.stopPropagation()
      depth += 1
      onActiveChange(true)
    },
    ondragover(event: DragEvent) {
      if (!isCallDrag(event)) return
      event.preventDefault()
      event.stopPropagation()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move'
    },
    ondragleave(event: DragEvent) {
      if (!isCallDrag(event)) return
      event.stopPropagation()
      depth = Math.max(0, depth - 1)
      if (depth === 0) onActiveChange(false)
    },
    ondrop(event: DragEvent) {
      const callId = droppedCallId(event)
      depth = 0
      onActiveChange(false)
      if (!callId) return
      event.preventDefault()
      event.stopPropagation()
      onDrop(callId)
    },
  }
}
