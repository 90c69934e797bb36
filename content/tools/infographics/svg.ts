// Scene → SVG string: text becomes outline paths (so the PNG can never fall back to a system font), each tagged with the string it draws.
import type { ArcNode, Scene, SceneNode, TextNode } from './scene';

/** Two decimals are below a pixel's hundredth: stable output without float noise. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function textPath(t: TextNode): string {
  const scale = t.size / t.unitsPerEm;
  const parts: string[] = [];
  for (const g of t.glyphs) {
    const X = (x: number): string => num(t.x + (g.x + x) * scale);
    const Y = (y: number): string => num(t.baseline - (g.y + y) * scale);
    for (const c of g.commands) {
      const a = c.args;
      const pts: string[] = [];
      for (let i = 0; i + 1 < a.length; i += 2) pts.push(`${X(a[i] ?? 0)} ${Y(a[i + 1] ?? 0)}`);
      switch (c.command) {
        case 'moveTo':
          parts.push(`M${pts.join(' ')}`);
          break;
        case 'lineTo':
          parts.push(`L${pts.join(' ')}`);
          break;
        case 'quadraticCurveTo':
          parts.push(`Q${pts.join(' ')}`);
          break;
        case 'bezierCurveTo':
          parts.push(`C${pts.join(' ')}`);
          break;
        case 'closePath':
          parts.push('Z');
          break;
      }
    }
  }
  return parts.join('');
}

function arcPath(a: ArcNode): string {
  const turn = Math.min(Math.max(a.fraction, 0), 1) * 2 * Math.PI;
  const x = a.cx + a.r * Math.sin(turn);
  const y = a.cy - a.r * Math.cos(turn);
  return `M${num(a.cx)} ${num(a.cy - a.r)}A${num(a.r)} ${num(a.r)} 0 ${a.fraction > 0.5 ? 1 : 0} 1 ${num(x)} ${num(y)}`;
}

function node(n: SceneNode, gradients: string[]): string {
  switch (n.type) {
    case 'text':
      return `<path data-role="${n.role}" data-text="${escapeXml(n.text)}" fill="${n.fill}" d="${textPath(n)}"/>`;
    case 'rect': {
      let fill = n.fill;
      if (n.fillTo) {
        const id = `g${gradients.length}`;
        gradients.push(`<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="${n.fill}"/><stop offset="1" stop-color="${n.fillTo}"/></linearGradient>`);
        fill = `url(#${id})`;
      }
      const item = n.item === undefined ? '' : ` data-item="${n.item}"`;
      return `<rect data-role="${n.role}"${item} x="${num(n.x)}" y="${num(n.y)}" width="${num(n.w)}" height="${num(n.h)}" fill="${fill}"/>`;
    }
    case 'line':
      return `<line data-role="${n.role}" x1="${num(n.x1)}" y1="${num(n.y1)}" x2="${num(n.x2)}" y2="${num(n.y2)}" stroke="${n.stroke}" stroke-width="${num(n.width)}"/>`;
    case 'circle': {
      const stroke = n.stroke ? ` stroke="${n.stroke}" stroke-width="${num(n.strokeWidth ?? 1)}"` : '';
      return `<circle data-role="${n.role}" cx="${num(n.cx)}" cy="${num(n.cy)}" r="${num(n.r)}" fill="${n.fill}"${stroke}/>`;
    }
    case 'arc': {
      const item = n.item === undefined ? '' : ` data-item="${n.item}"`;
      if (n.fraction >= 1) return `<circle data-role="${n.role}"${item} cx="${num(n.cx)}" cy="${num(n.cy)}" r="${num(n.r)}" fill="none" stroke="${n.stroke}" stroke-width="${num(n.width)}"/>`;
      if (n.fraction <= 0) return '';
      return `<path data-role="${n.role}"${item} d="${arcPath(n)}" fill="none" stroke="${n.stroke}" stroke-width="${num(n.width)}"/>`;
    }
  }
}

export function toSvg(scene: Scene): string {
  const gradients: string[] = [];
  const body = scene.nodes.map((n) => node(n, gradients)).filter(Boolean);
  const lang = scene.locale === 'zh-CN' ? 'zh-Hans' : 'en';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" xml:lang="${lang}" role="img" data-kind="${scene.kind}">`,
    `<title>${escapeXml(scene.title)}</title>`,
    `<desc>${escapeXml(scene.description)}</desc>`,
    gradients.length ? `<defs>${gradients.join('')}</defs>` : '',
    ...body,
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n');
}
