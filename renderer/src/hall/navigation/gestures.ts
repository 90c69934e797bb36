// Turns pointer, wheel and key events on the hall canvas into look / zoom / pan / tap / home calls.

/** The parts of a PointerEvent used here; structural so tests can dispatch plain objects without a DOM. */
export interface PointerEventLike {
  readonly pointerId: number;
  readonly pointerType: string;
  readonly clientX: number;
  readonly clientY: number;
  readonly button: number;
  readonly timeStamp: number;
  preventDefault(): void;
}

export interface WheelEventLike {
  readonly deltaY: number;
  /** 0 pixels, 1 lines, 2 pages (WheelEvent.DOM_DELTA_*). */
  readonly deltaMode: number;
  /** Chromium reports a trackpad pinch as a wheel event with ctrlKey set. */
  readonly ctrlKey: boolean;
  preventDefault(): void;
}

export interface KeyEventLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  preventDefault(): void;
}

export type PointerEventType = 'pointerdown' | 'pointermove' | 'pointerup' | 'pointercancel';

/**
 * What GestureInput needs of its element; an HTMLElement (or HTMLCanvasElement) satisfies it. One overload
 * per event family, so DOM's typed overloads match without this module needing the DOM lib.
 */
export interface GestureElement {
  addEventListener(type: PointerEventType, listener: (event: PointerEventLike) => void): void;
  addEventListener(type: 'wheel', listener: (event: WheelEventLike) => void, options: { readonly passive: boolean }): void;
  addEventListener(type: 'keydown', listener: (event: KeyEventLike) => void): void;
  addEventListener(type: 'contextmenu', listener: (event: { preventDefault(): void }) => void): void;
  removeEventListener(type: PointerEventType, listener: (event: PointerEventLike) => void): void;
  removeEventListener(type: 'wheel', listener: (event: WheelEventLike) => void): void;
  removeEventListener(type: 'keydown', listener: (event: KeyEventLike) => void): void;
  removeEventListener(type: 'contextmenu', listener: (event: { preventDefault(): void }) => void): void;
  setPointerCapture(pointerId: number): void;
  releasePointerCapture(pointerId: number): void;
  hasPointerCapture(pointerId: number): boolean;
  getBoundingClientRect(): { readonly left: number; readonly top: number };
}

/** Supplied by the engine; units are CSS pixels (look, pan, tap) and a scale factor (zoom, > 1 = closer). */
export interface GestureHandler {
  look(dxPixels: number, dyPixels: number): void;
  zoom(scaleFactor: number): void;
  pan(dxPixels: number, dyPixels: number): void;
  /** Position relative to the element's top-left corner. */
  tap(x: number, y: number): void;
  home(): void;
  /** Any visitor input at all, called before the action: stop the tour, reset idle timers. */
  anyInput(): void;
}

export interface GestureOptions {
  /** Movement beyond this (CSS px) turns a touch into a drag; fingers wobble more than mice. */
  readonly tapSlopPx?: number;
  /** A touch held longer is not a tap (a long press does nothing, as the design asks). */
  readonly tapMaxMs?: number;
}

/** Wheel notches are ~100 px; this makes one notch about ±20 % zoom. */
const WHEEL_ZOOM_PER_PIXEL = 0.002;
/** Trackpad pinches arrive as small ctrl+wheel deltas and need more gain to feel like touch. */
const PINCH_WHEEL_ZOOM_PER_PIXEL = 0.01;
const LINE_PIXELS = 16;
const PAGE_PIXELS = 400;
/** Per key press / auto-repeat (~30/s): about 4.5 m/s walking and 80°/s turning. */
const KEY_MOVE_PX = 15;
const KEY_TURN_PX = 30;
const KEY_ZOOM = 1.1;

type KeyAction = (h: GestureHandler) => void;
const forward: KeyAction = (h) => h.pan(0, KEY_MOVE_PX);
const back: KeyAction = (h) => h.pan(0, -KEY_MOVE_PX);
const zoomIn: KeyAction = (h) => h.zoom(KEY_ZOOM);
const zoomOut: KeyAction = (h) => h.zoom(1 / KEY_ZOOM);
const home: KeyAction = (h) => h.home();
/** Arrows and WASD: up/W forward, down/S back, A/D sidestep, left/right turn; +/- zoom; Home/Escape home. */
const KEYS = new Map<string, KeyAction>([
  ['ArrowUp', forward], ['w', forward], ['ArrowDown', back], ['s', back],
  // pan() grabs the world: moving it right steps the visitor left.
  ['a', (h) => h.pan(KEY_MOVE_PX, 0)], ['d', (h) => h.pan(-KEY_MOVE_PX, 0)],
  ['ArrowLeft', (h) => h.look(KEY_TURN_PX, 0)], ['ArrowRight', (h) => h.look(-KEY_TURN_PX, 0)],
  ['+', zoomIn], ['=', zoomIn], ['-', zoomOut], ['_', zoomOut],
  ['Home', home], ['Escape', home],
]);

interface Tracked {
  readonly startX: number;
  readonly startY: number;
  readonly startMs: number;
  x: number;
  y: number;
}

type Mode = 'idle' | 'pending' | 'look' | 'pan' | 'pinch';

export class GestureInput {
  readonly #element: GestureElement;
  readonly #handler: GestureHandler;
  readonly #tapSlop: number;
  readonly #tapMaxMs: number;
  readonly #pointers = new Map<number, Tracked>();
  readonly #removers: Array<() => void> = [];
  #mode: Mode = 'idle';
  /** Right or middle mouse button: the drag pans instead of looking. */
  #panButton = false;
  /** A second finger took part, so lifting the last one is never a tap. */
  #multi = false;
  #lastX = 0;
  #lastY = 0;
  #pinchDistance = 0;
  #disposed = false;

  constructor(element: GestureElement, handler: GestureHandler, options: GestureOptions = {}) {
    this.#element = element;
    this.#handler = handler;
    this.#tapSlop = options.tapSlopPx ?? 10;
    this.#tapMaxMs = options.tapMaxMs ?? 500;
    const pointer: Array<[PointerEventType, (event: PointerEventLike) => void]> = [
      ['pointerdown', this.#down],
      ['pointermove', this.#move],
      ['pointerup', this.#up],
      ['pointercancel', this.#cancel],
    ];
    for (const [type, listener] of pointer) {
      element.addEventListener(type, listener);
      this.#removers.push(() => element.removeEventListener(type, listener));
    }
    // Not passive: the page must not scroll or zoom while the wheel zooms the hall.
    element.addEventListener('wheel', this.#wheel, { passive: false });
    element.addEventListener('keydown', this.#key);
    // Right-drag pans; a context menu (or a touch long-press menu) would interrupt it.
    element.addEventListener('contextmenu', this.#preventDefault);
    this.#removers.push(
      () => element.removeEventListener('wheel', this.#wheel),
      () => element.removeEventListener('keydown', this.#key),
      () => element.removeEventListener('contextmenu', this.#preventDefault),
    );
  }

  /** Removes every listener and releases any captured pointer; safe to call twice. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    for (const remove of this.#removers) remove();
    this.#removers.length = 0;
    for (const id of this.#pointers.keys()) this.#release(id);
    this.#pointers.clear();
    this.#mode = 'idle';
  }

  #release(id: number): void {
    try {
      if (this.#element.hasPointerCapture(id)) this.#element.releasePointerCapture(id);
    } catch {
      // The pointer is already gone (element detached, browser cancelled it): nothing left to release.
    }
  }

  readonly #down = (e: PointerEventLike): void => {
    this.#handler.anyInput();
    // A third finger (a palm on the glass) is ignored rather than turning the pinch into nonsense.
    if (this.#pointers.size >= 2) return;
    // Middle-click would start autoscroll; the hall uses it for panning.
    if (e.pointerType === 'mouse' && e.button === 1) e.preventDefault();
    this.#pointers.set(e.pointerId, { startX: e.clientX, startY: e.clientY, startMs: e.timeStamp, x: e.clientX, y: e.clientY });
    try {
      // Keeps the drag alive when the finger slides over the overlay's bottom bar.
      this.#element.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic events (tests, assistive tools) have no active pointer to capture; the gesture still works.
    }
    if (this.#pointers.size === 1) {
      this.#mode = 'pending';
      this.#multi = false;
      this.#panButton = e.pointerType === 'mouse' && (e.button === 1 || e.button === 2);
      this.#lastX = e.clientX;
      this.#lastY = e.clientY;
    } else {
      this.#mode = 'pinch';
      this.#multi = true;
      this.#startPinch();
    }
  };

  readonly #move = (e: PointerEventLike): void => {
    const p = this.#pointers.get(e.pointerId);
    // Hover without a pressed button is not visitor input: a nudged mouse must not keep the kiosk awake.
    if (!p) return;
    p.x = e.clientX;
    p.y = e.clientY;
    this.#handler.anyInput();
    if (this.#mode === 'pinch') {
      this.#pinchMove();
      return;
    }
    if (this.#mode === 'pending' && Math.hypot(p.x - p.startX, p.y - p.startY) > this.#tapSlop) {
      this.#mode = this.#panButton ? 'pan' : 'look';
    }
    if (this.#mode !== 'look' && this.#mode !== 'pan') return;
    // Deltas run from the press point, so the slop distance is applied too and nothing feels sticky.
    const dx = p.x - this.#lastX;
    const dy = p.y - this.#lastY;
    this.#lastX = p.x;
    this.#lastY = p.y;
    if (dx === 0 && dy === 0) return;
    if (this.#mode === 'look') this.#handler.look(dx, dy);
    else this.#handler.pan(dx, dy);
  };

  readonly #up = (e: PointerEventLike): void => this.#end(e, false);

  readonly #cancel = (e: PointerEventLike): void => this.#end(e, true);

  #end(e: PointerEventLike, cancelled: boolean): void {
    const p = this.#pointers.get(e.pointerId);
    if (!p) return;
    this.#pointers.delete(e.pointerId);
    this.#release(e.pointerId);
    const rest = [...this.#pointers.values()][0];
    if (rest) {
      // Pinch → one finger: keep looking from where that finger is now, without a jump.
      this.#mode = 'look';
      this.#lastX = rest.x;
      this.#lastY = rest.y;
      return;
    }
    const isTap = this.#mode === 'pending' && !this.#multi && !cancelled && e.timeStamp - p.startMs <= this.#tapMaxMs;
    this.#mode = 'idle';
    this.#multi = false;
    if (!isTap) return;
    const rect = this.#element.getBoundingClientRect();
    this.#handler.tap(e.clientX - rect.left, e.clientY - rect.top);
  }

  #pinchPair(): { distance: number; midX: number; midY: number } | null {
    const [a, b] = [...this.#pointers.values()];
    if (!a || !b) return null;
    return { distance: Math.hypot(a.x - b.x, a.y - b.y), midX: (a.x + b.x) / 2, midY: (a.y + b.y) / 2 };
  }

  #startPinch(): void {
    const pair = this.#pinchPair();
    if (!pair) return;
    this.#pinchDistance = pair.distance;
    this.#lastX = pair.midX;
    this.#lastY = pair.midY;
  }

  /** One frame of a two-finger gesture: the spread zooms, the midpoint's travel pans; both at once is fine. */
  #pinchMove(): void {
    const pair = this.#pinchPair();
    if (!pair) return;
    if (this.#pinchDistance > 0 && pair.distance > 0 && pair.distance !== this.#pinchDistance) {
      this.#handler.zoom(pair.distance / this.#pinchDistance);
    }
    if (pair.distance > 0) this.#pinchDistance = pair.distance;
    const dx = pair.midX - this.#lastX;
    const dy = pair.midY - this.#lastY;
    this.#lastX = pair.midX;
    this.#lastY = pair.midY;
    if (dx !== 0 || dy !== 0) this.#handler.pan(dx, dy);
  }

  readonly #wheel = (e: WheelEventLike): void => {
    e.preventDefault();
    this.#handler.anyInput();
    const pixels = e.deltaY * (e.deltaMode === 1 ? LINE_PIXELS : e.deltaMode === 2 ? PAGE_PIXELS : 1);
    if (!Number.isFinite(pixels) || pixels === 0) return;
    // Wheel towards the visitor (negative deltaY) zooms in, as in maps and viewers.
    this.#handler.zoom(Math.exp(-pixels * (e.ctrlKey ? PINCH_WHEEL_ZOOM_PER_PIXEL : WHEEL_ZOOM_PER_PIXEL)));
  };

  readonly #key = (e: KeyEventLike): void => {
    this.#handler.anyInput();
    // Browser and OS shortcuts stay theirs.
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const action = KEYS.get(e.key.length === 1 ? e.key.toLowerCase() : e.key);
    if (!action) return;
    e.preventDefault();
    action(this.#handler);
  };

  readonly #preventDefault = (e: { preventDefault(): void }): void => e.preventDefault();
}
