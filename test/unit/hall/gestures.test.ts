// Gesture recognition on a fake element: drag looks, pinch zooms, two-finger drag pans, taps, wheel, keys.
import { beforeEach, describe, expect, it } from 'vitest';
import { GestureInput } from '../../../renderer/src/hall/navigation/gestures';
import type { GestureElement, GestureHandler } from '../../../renderer/src/hall/navigation/gestures';

type Listener = (event: never) => void;

/** Just enough of an element: listeners by type, pointer capture bookkeeping and a bounding rect. */
class FakeElement {
  readonly listeners = new Map<string, Set<Listener>>();
  readonly captured = new Set<number>();
  addEventListener(type: string, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }
  setPointerCapture(id: number): void {
    this.captured.add(id);
  }
  releasePointerCapture(id: number): void {
    this.captured.delete(id);
  }
  hasPointerCapture(id: number): boolean {
    return this.captured.has(id);
  }
  getBoundingClientRect(): { left: number; top: number } {
    return { left: 100, top: 50 };
  }
  count(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
  dispatch(type: string, event: object): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) (listener as (event: object) => void)(event);
  }
}

type Call = [string, ...number[]];

function recorder(): { handler: GestureHandler; calls: Call[]; of: (name: string) => Call[] } {
  const calls: Call[] = [];
  const handler: GestureHandler = {
    look: (dx, dy) => calls.push(['look', dx, dy]),
    zoom: (s) => calls.push(['zoom', s]),
    pan: (dx, dy) => calls.push(['pan', dx, dy]),
    tap: (x, y) => calls.push(['tap', x, y]),
    home: () => calls.push(['home']),
    anyInput: () => calls.push(['anyInput']),
  };
  return { handler, calls, of: (name) => calls.filter((c) => c[0] === name) };
}

let el: FakeElement;
let rec: ReturnType<typeof recorder>;
let input: GestureInput;
let prevented = 0;

function pointer(type: string, id: number, x: number, y: number, t: number, extra: { pointerType?: string; button?: number } = {}): void {
  el.dispatch(type, {
    pointerId: id,
    pointerType: extra.pointerType ?? 'touch',
    button: extra.button ?? 0,
    clientX: x,
    clientY: y,
    timeStamp: t,
    preventDefault: () => (prevented += 1),
  });
}

function key(k: string, mods: { ctrlKey?: boolean } = {}): void {
  el.dispatch('keydown', { key: k, ctrlKey: mods.ctrlKey ?? false, altKey: false, metaKey: false, preventDefault: () => (prevented += 1) });
}

beforeEach(() => {
  el = new FakeElement();
  rec = recorder();
  prevented = 0;
  const element: GestureElement = el;
  input = new GestureInput(element, rec.handler);
});

describe('GestureInput', () => {
  it('a short touch with little movement is a tap, in element coordinates', () => {
    pointer('pointerdown', 1, 300, 250, 0);
    pointer('pointermove', 1, 304, 253, 50);
    pointer('pointerup', 1, 304, 253, 120);
    expect(rec.of('tap')).toEqual([['tap', 204, 203]]);
    expect(rec.of('look')).toEqual([]);
    expect(rec.of('anyInput').length).toBeGreaterThan(0);
  });

  it('a one-finger drag looks, with no motion lost to the tap slop, and is not a tap', () => {
    pointer('pointerdown', 1, 300, 250, 0);
    pointer('pointermove', 1, 320, 250, 30);
    pointer('pointermove', 1, 340, 260, 60);
    pointer('pointerup', 1, 340, 260, 90);
    expect(rec.of('look')).toEqual([
      ['look', 20, 0],
      ['look', 20, 10],
    ]);
    expect(rec.of('tap')).toEqual([]);
  });

  it('a drag that comes back to its start is still not a tap', () => {
    pointer('pointerdown', 1, 300, 250, 0);
    pointer('pointermove', 1, 360, 250, 30);
    pointer('pointermove', 1, 300, 250, 60);
    pointer('pointerup', 1, 300, 250, 90);
    expect(rec.of('tap')).toEqual([]);
  });

  it('a long press does nothing', () => {
    pointer('pointerdown', 1, 300, 250, 0);
    pointer('pointerup', 1, 300, 250, 1500);
    expect(rec.calls.filter((c) => c[0] !== 'anyInput')).toEqual([]);
  });

  it('a cancelled touch is not a tap', () => {
    pointer('pointerdown', 1, 300, 250, 0);
    pointer('pointercancel', 1, 300, 250, 50);
    expect(rec.of('tap')).toEqual([]);
  });

  it('two fingers spreading apart zoom in by the ratio of their distances', () => {
    pointer('pointerdown', 1, 400, 300, 0);
    pointer('pointerdown', 2, 500, 300, 10);
    pointer('pointermove', 2, 600, 300, 40);
    pointer('pointermove', 1, 300, 300, 60);
    const zooms = rec.of('zoom').map((c) => c[1] ?? Number.NaN);
    expect(zooms[0]).toBeCloseTo(2, 12);
    expect(zooms[1]).toBeCloseTo(1.5, 12);
    expect(zooms.reduce((a, b) => a * b, 1)).toBeCloseTo(3, 12);
    pointer('pointerup', 1, 300, 300, 80);
    pointer('pointerup', 2, 600, 300, 90);
    expect(rec.of('tap')).toEqual([]);
    expect(rec.of('look')).toEqual([]);
  });

  it('two fingers moving together pan by the midpoint travel', () => {
    pointer('pointerdown', 1, 400, 300, 0);
    pointer('pointerdown', 2, 500, 300, 10);
    pointer('pointermove', 1, 400, 340, 40);
    pointer('pointermove', 2, 500, 340, 50);
    expect(rec.of('pan')).toEqual([
      ['pan', 0, 20],
      ['pan', 0, 20],
    ]);
    // Browsers report the fingers one at a time, so the spread wobbles mid-move; it nets out to no zoom.
    expect(rec.of('zoom').reduce((product, c) => product * (c[1] ?? Number.NaN), 1)).toBeCloseTo(1, 12);
  });

  it('a quick two-finger touch is not a tap, and lifting one finger keeps looking without a jump', () => {
    pointer('pointerdown', 1, 400, 300, 0);
    pointer('pointerdown', 2, 500, 300, 10);
    pointer('pointerup', 2, 500, 300, 30);
    pointer('pointermove', 1, 410, 300, 40);
    pointer('pointerup', 1, 410, 300, 60);
    expect(rec.of('tap')).toEqual([]);
    expect(rec.of('look')).toEqual([['look', 10, 0]]);
  });

  it('a third finger is ignored', () => {
    pointer('pointerdown', 1, 400, 300, 0);
    pointer('pointerdown', 2, 500, 300, 10);
    pointer('pointerdown', 3, 900, 900, 20);
    pointer('pointermove', 3, 100, 100, 30);
    expect(rec.of('zoom')).toEqual([]);
    expect(rec.of('pan')).toEqual([]);
    expect(el.captured.has(3)).toBe(false);
  });

  it('right and middle mouse drags pan; a left drag looks', () => {
    for (const button of [2, 1]) {
      pointer('pointerdown', 7, 0, 0, 0, { pointerType: 'mouse', button });
      pointer('pointermove', 7, 30, 0, 10, { pointerType: 'mouse', button });
      pointer('pointerup', 7, 30, 0, 20, { pointerType: 'mouse', button });
    }
    pointer('pointerdown', 7, 0, 0, 100, { pointerType: 'mouse' });
    pointer('pointermove', 7, 0, 30, 110, { pointerType: 'mouse' });
    pointer('pointerup', 7, 0, 30, 120, { pointerType: 'mouse' });
    expect(rec.of('pan')).toEqual([
      ['pan', 30, 0],
      ['pan', 30, 0],
    ]);
    expect(rec.of('look')).toEqual([['look', 0, 30]]);
  });

  it('mouse hover is not visitor input', () => {
    pointer('pointermove', 7, 30, 0, 10, { pointerType: 'mouse' });
    expect(rec.calls).toEqual([]);
  });

  it('the wheel zooms: towards the visitor in, away out, and the page does not scroll', () => {
    el.dispatch('wheel', { deltaY: -100, deltaMode: 0, ctrlKey: false, preventDefault: () => (prevented += 1) });
    el.dispatch('wheel', { deltaY: 3, deltaMode: 1, ctrlKey: false, preventDefault: () => (prevented += 1) });
    const [zoomIn, zoomOut] = rec.of('zoom').map((c) => c[1] ?? Number.NaN);
    expect(zoomIn).toBeGreaterThan(1);
    expect(zoomOut).toBeLessThan(1);
    expect(prevented).toBe(2);
  });

  it('keys move, turn, zoom and go home; other keys only count as input', () => {
    for (const k of ['ArrowUp', 'W', 's', 'a', 'ArrowLeft', 'ArrowRight', '+', '-', 'Home', 'Escape']) key(k);
    const actions = rec.calls.filter((c) => c[0] !== 'anyInput');
    expect(actions.map((c) => c[0])).toEqual(['pan', 'pan', 'pan', 'pan', 'look', 'look', 'zoom', 'zoom', 'home', 'home']);
    expect(actions[0]?.[2]).toBeGreaterThan(0); // forward = drag down
    expect(actions[2]?.[2]).toBeLessThan(0);
    expect(prevented).toBe(10);
    key('q');
    key('w', { ctrlKey: true });
    expect(rec.calls.filter((c) => c[0] !== 'anyInput').length).toBe(10);
    expect(prevented).toBe(10);
    expect(rec.of('anyInput').length).toBe(12);
  });

  it('anyInput fires before the action, so the engine can stop a tour first', () => {
    pointer('pointerdown', 1, 0, 0, 0);
    pointer('pointermove', 1, 50, 0, 10);
    const firstLook = rec.calls.findIndex((c) => c[0] === 'look');
    expect(rec.calls[firstLook - 1]?.[0]).toBe('anyInput');
  });

  it('captures pointers while pressed and releases them on up', () => {
    pointer('pointerdown', 1, 0, 0, 0);
    expect(el.captured.has(1)).toBe(true);
    pointer('pointerup', 1, 0, 0, 10);
    expect(el.captured.size).toBe(0);
  });

  it('the context menu is suppressed (right-drag pans, long-press does nothing)', () => {
    el.dispatch('contextmenu', { preventDefault: () => (prevented += 1) });
    expect(prevented).toBe(1);
  });

  it('dispose removes every listener and releases pointer capture', () => {
    expect(el.count()).toBe(7);
    pointer('pointerdown', 1, 0, 0, 0);
    pointer('pointerdown', 2, 10, 0, 0);
    input.dispose();
    expect(el.count()).toBe(0);
    expect(el.captured.size).toBe(0);
    input.dispose();
    const before = rec.calls.length;
    pointer('pointermove', 1, 50, 0, 10);
    key('Home');
    expect(rec.calls.length).toBe(before);
  });
});
