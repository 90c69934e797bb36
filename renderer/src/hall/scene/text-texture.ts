// The browser's ScenePainter: draws panel and sign textures on a 2D canvas (DOM only; Node tests use a fake).
import { CanvasTexture, NoColorSpace } from 'three';
import type { Texture } from 'three';
import { FONT_STACK, PALETTE, PANEL_TEXTURE, SIGN_TEXTURE, hasCjk, wrapLines } from './painter';
import type { PanelArt, ScenePainter, SignArt } from './painter';

const MARGIN = 48;
const ACCENT_BAR = 20;
const TITLE_SIZE = 72;
/** Largest image a panel can show; bigger images are scaled down once, when decoded. */
const IMAGE_BOX = { width: PANEL_TEXTURE.width - 2 * MARGIN, height: 470 } as const;

function canvas2d(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available');
  return { canvas, ctx };
}

/**
 * Wraps the canvas in a texture of display colours (for DisplayTextureMaterial). Mipmaps stay on: text seen from across the hall would shimmer
 * without them. Once uploaded, the canvas's pixels are freed (1×1): the GPU copy is all that is drawn,
 * and a redraw (locale change, context restore) paints a new canvas.
 */
function toTexture(canvas: HTMLCanvasElement, name: string): Texture {
  const texture = new CanvasTexture(canvas);
  texture.name = name;
  // Display colours, handed through untouched by DisplayTextureMaterial (no decode, no re-encode).
  texture.colorSpace = NoColorSpace;
  texture.onUpdate = () => {
    canvas.width = 1;
    canvas.height = 1;
  };
  return texture;
}

function font(weight: number, size: number): string {
  return `${weight} ${size}px ${FONT_STACK}`;
}

function drawPanel(ctx: CanvasRenderingContext2D, art: PanelArt, image: ImageBitmap | null): void {
  const { width, height } = PANEL_TEXTURE;
  ctx.fillStyle = PALETTE.cream;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = art.accent;
  ctx.fillRect(0, 0, width, ACCENT_BAR);

  ctx.fillStyle = PALETTE.ink;
  ctx.textBaseline = 'top';
  ctx.font = font(700, TITLE_SIZE);
  const lineHeight = Math.round(TITLE_SIZE * (hasCjk(art.title) ? 1.3 : 1.2));
  const lines = wrapLines(art.title, width - 2 * MARGIN, 2, (s) => ctx.measureText(s).width);
  let y = ACCENT_BAR + 36;
  for (const line of lines) {
    ctx.fillText(line, MARGIN, y);
    y += lineHeight;
  }
  y += 16;
  const boxHeight = height - y - MARGIN;
  if (art.notes && art.notes.length > 0) {
    drawNotes(ctx, art.notes, y, boxHeight);
  } else if (image) {
    const scale = Math.min(IMAGE_BOX.width / image.width, boxHeight / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    ctx.drawImage(image, (width - w) / 2, y + (boxHeight - h) / 2, w, h);
  } else if (art.figure) {
    drawFigure(ctx, art.figure, y, boxHeight);
  }
}

/** A pledge wall: the newest messages as notes in two columns, as many as fit. */
function drawNotes(ctx: CanvasRenderingContext2D, notes: readonly string[], top: number, boxHeight: number): void {
  const columns = 2;
  const gap = 16;
  const noteWidth = (PANEL_TEXTURE.width - 2 * MARGIN - gap) / columns;
  const noteHeight = 92;
  const rows = Math.max(1, Math.floor((boxHeight + gap) / (noteHeight + gap)));
  ctx.textBaseline = 'middle';
  ctx.font = font(500, 30);
  notes.slice(0, rows * columns).forEach((note, index) => {
    const x = MARGIN + (index % columns) * (noteWidth + gap);
    const y = top + Math.floor(index / columns) * (noteHeight + gap);
    ctx.fillStyle = index % 3 === 0 ? '#FFE3C2' : index % 3 === 1 ? '#FFF0B8' : '#E8ECFF';
    ctx.fillRect(x, y, noteWidth, noteHeight);
    ctx.fillStyle = PALETTE.ink;
    const [line = ''] = wrapLines(note, noteWidth - 32, 1, (s) => ctx.measureText(s).width);
    ctx.fillText(line.length < note.length ? `${line.replace(/.$/u, '')}…` : line, x + 16, y + noteHeight / 2);
  });
}

/** A key figure: the number big in sunrise orange, its unit beside it, its label underneath. */
function drawFigure(ctx: CanvasRenderingContext2D, figure: NonNullable<PanelArt['figure']>, top: number, boxHeight: number): void {
  const size = Math.min(160, Math.max(96, boxHeight * 0.5));
  ctx.textBaseline = 'alphabetic';
  ctx.font = font(700, size);
  const valueWidth = ctx.measureText(figure.value).width;
  const baseline = top + size;
  ctx.fillStyle = PALETTE.sunrise;
  ctx.fillText(figure.value, MARGIN, baseline);
  ctx.font = font(500, 56);
  ctx.fillStyle = PALETTE.ink;
  ctx.fillText(figure.unit, MARGIN + valueWidth + 16, baseline);
  ctx.font = font(400, 40);
  ctx.fillStyle = PALETTE.muted;
  const [label] = wrapLines(figure.label, PANEL_TEXTURE.width - 2 * MARGIN, 1, (s) => ctx.measureText(s).width);
  ctx.fillText(label ?? '', MARGIN, baseline + 64);
}

function drawSign(ctx: CanvasRenderingContext2D, art: SignArt): void {
  const { width, height } = SIGN_TEXTURE;
  ctx.fillStyle = PALETTE.indigo;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = art.accent;
  ctx.fillRect(0, 0, 40, height);
  ctx.fillRect(40, height - 12, width - 40, 12);
  // The largest size, from 120 px down, at which the title fits on one line.
  let size = 120;
  ctx.font = font(700, size);
  while (size > 56 && ctx.measureText(art.title).width > width - 40 - 2 * MARGIN) {
    size -= 8;
    ctx.font = font(700, size);
  }
  const [title] = wrapLines(art.title, width - 40 - 2 * MARGIN, 1, (s) => ctx.measureText(s).width);
  ctx.fillStyle = PALETTE.cream;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.fillText(title ?? '', 40 + (width - 40) / 2, height / 2);
}

/** Draws with the fonts the document has; callers redraw (setLocale) once `document.fonts.ready` settles. */
export function createCanvasPainter(): ScenePainter<ImageBitmap> {
  return {
    panel(art, image) {
      const { canvas, ctx } = canvas2d(PANEL_TEXTURE.width, PANEL_TEXTURE.height);
      drawPanel(ctx, art, image);
      return toTexture(canvas, `panel:${art.title}`);
    },
    sign(art) {
      const { canvas, ctx } = canvas2d(SIGN_TEXTURE.width, SIGN_TEXTURE.height);
      drawSign(ctx, art);
      return toTexture(canvas, `sign:${art.title}`);
    },
    async loadImage(url) {
      // fetch() needs only connect-src ('self' and app://pack are allowed); no <img>, no blob: URL.
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const full = await createImageBitmap(await response.blob());
      const scale = Math.min(IMAGE_BOX.width / full.width, IMAGE_BOX.height / full.height);
      if (scale >= 1) return full;
      // Keep only what a panel can show: a 4K photo would otherwise hold ~33 MB per exhibit.
      const small = await createImageBitmap(full, {
        resizeWidth: Math.max(1, Math.round(full.width * scale)),
        resizeHeight: Math.max(1, Math.round(full.height * scale)),
        resizeQuality: 'high',
      });
      full.close();
      return small;
    },
    releaseImage(image) {
      image.close();
    },
  };
}
