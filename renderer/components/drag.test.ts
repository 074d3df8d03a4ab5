import { describe, expect, it, vi } from 'vitest'
import { callDragType, callDropTarget, droppedCallId, isCallDrag, startCallDrag } from './drag'

/** Just enough of DataTransfer / DragEvent for the helpers. */
function dragEvent(data: Record<string, string> = {}) {
  const store = new Map(Object.entries(data))
  const dataTransfer = {
    get types() {
      return [...store.keys()]
    },
    setData: (type: string, value: string) => void store.set(type, value),
    getData: (type: string) => store.get(type) ?? '',
    effectAllowed: 'none',
    dropEffect: 'none',
  }
  return {
    dataTransfer,
    preventDefault: vi.fn(),
    stopPropagation: vi.fn(),
  } as unknown as DragEvent & { preventDefault: ReturnType<typeof vi.fn> }
}

describe('call drag and drop', () => {
  it('a call card drag carries its id under our own type', () => {
    const event = dragEvent()
    startCallDrag(event, 'call-7')
    expect(isCallDrag(event)).toBe(true)
    expect(droppedCallId(event)).toBe('call-7')
    expect(event.dataTransfer?.getData(callDragType)).toBe('call-7')
  })

  it('a drop target accepts call drags, highlights while over, and hands over the id', () => {
    const onDrop = vi.fn()
    const onActive = vi.fn()
    const target = callDropTarget(onDrop, onActive)
    const over = dragEvent({ [callDragType]: 'a' })
    target.ondragenter(over)
    target.ondragover(over)
    expect(over.preventDefault).toHaveBeenCalled()
    expect(onActive).toHaveBeenLastCalledWith(true)
    // entering a child and leaving it keeps the highlight until the last leave
    target.ondragenter(over)
    target.ondragleave(over)
    expect(onActive).toHaveBeenLastCalledWith(true)
    target.ondrop(over)
    expect(onDrop).toHaveBeenCalledWith('a')
    expect(onActive).toHaveBeenLastCalledWith(false)
  })

  it('ignores drags that are not calls (files, text)', () => {
    const onDrop = vi.fn()
    const onActive = vi.fn()
    const target = callDropTarget(onDrop, onActive)
    const file = dragEvent({ Files: '' })
    target.ondragenter(file)
    target.ondragover(file)
    target.ondrop(file)
    expect(file.preventDefault).not.toHaveBeenCalled()
    expect(onDrop).not.toHaveBeenCalled()
    expect(onActive).not.toHaveBeenCalledWith(true)
  })
})
