// Textured faces: one panel per exhibit (title + first image) and one hanging sign per zone, relabelled per locale.
import { Group, Mesh, PlaneGeometry } from 'three';
import type { Texture } from 'three';
import type { Exhibit, Manifest, Zone } from '../../../../electron/shared/manifest';
import { DisplayTextureMaterial } from './display-materials';
import { localized } from '../../i18n/localized';
import type { PickableUserData, ResolveUrl } from '../types';
import { panelCentre } from './layout';
import type { PanelArt, ScenePainter } from './painter';
import { visibleMedia } from '../../media/visible-media';
import type { ResourceScope } from './resource-cache';
import { PANEL_FACE, SIGN, signPosition } from './structure';

export interface Labels {
  readonly group: Group;
  /** Redraws every title in `locale` (old textures are released). */
  setLocale(locale: string): void;
  /** A pledge wall's messages changed (newest first); its panel is redrawn with them. */
  setNotes(exhibitId: string, notes: readonly string[]): void;
  /** Stops pending image loads from touching the scene and frees decoded images. */
  dispose(): void;
}

interface Face {
  readonly name: string;
  readonly material: DisplayTextureMaterial;
  version: number;
}

interface PanelState<I> extends Face {
  readonly exhibit: Exhibit;
  image: I | null;
  /** The file `image` was decoded from, or the one loading: a language switch may need another. */
  imageFile: string | null;
}

export function buildLabels<I>(
  manifest: Pick<Manifest, 'defaultLocale' | 'hall'>,
  initialLocale: string,
  painter: ScenePainter<I>,
  res: ResourceScope,
  resolveUrl: ResolveUrl,
  onChange: () => void,
): Labels {
  const group = new Group();
  group.name = 'labels';
  const fallback = manifest.defaultLocale;
  const zoneColor = new Map(manifest.hall.zones.map((zone) => [zone.id, zone.color]));
  let locale = initialLocale;
  let disposed = false;

  /** Swaps in a freshly drawn texture and lets the previous one go. */
  const repaint = (face: Face, draw: () => Texture): void => {
    const previous = face.version;
    face.version += 1;
    face.material.map = res.own(`texture:${face.name}#${face.version}`, draw);
    if (previous > 0) res.drop(`texture:${face.name}#${previous}`);
  };
  const panelArt = (exhibit: Exhibit): PanelArt => {
    const figure = exhibit.figures[0];
    return {
      notes: notes.get(exhibit.id) ?? [],
      title: localized(exhibit.title, locale, fallback),
      accent: zoneColor.get(exhibit.zone) ?? '#5C6270',
      figure: figure ? { value: typeof figure.value === 'string' ? figure.value : localized(figure.value, locale, fallback), unit: localized(figure.unit, locale, fallback), label: localized(figure.label, locale, fallback) } : null,
    };
  };
  const notes = new Map<string, readonly string[]>();
  const paintPanel = (panel: PanelState<I>) => repaint(panel, () => painter.panel(panelArt(panel.exhibit), panel.image));
  const paintSign = (face: Face, zone: Zone) => repaint(face, () => painter.sign({ title: localized(zone.title, locale, fallback), accent: zone.color }));

  const panelGeometry = res.shared('geometry:panel-face', () => new PlaneGeometry(PANEL_FACE.width, PANEL_FACE.height));
  const panels: PanelState<I>[] = manifest.hall.exhibits.map((exhibit) => {
    const name = `panel:${exhibit.id}`;
    const material = res.own(`material:${name}`, () => new DisplayTextureMaterial(name));
    const panel: PanelState<I> = { name, material, version: 0, exhibit, image: null, imageFile: null };
    paintPanel(panel);
    const mesh = new Mesh(panelGeometry, material);
    mesh.name = name;
    const centre = panelCentre(exhibit.position, exhibit.facing);
    const yaw = (exhibit.facing * Math.PI) / 180;
    // 2 mm in front of the frame's face, so the two never z-fight.
    mesh.position.set(centre.x + Math.sin(yaw) * 0.002, centre.y, centre.z + Math.cos(yaw) * 0.002);
    mesh.rotation.y = yaw;
    mesh.userData = { target: { id: exhibit.id, kind: 'exhibit' } } satisfies PickableUserData;
    group.add(mesh);
    return panel;
  });

  const signGeometry = res.shared('geometry:sign-face', () => new PlaneGeometry(SIGN.width, SIGN.height));
  const signs = manifest.hall.zones.map((zone) => {
    const name = `sign:${zone.id}`;
    const face: Face = { name, material: res.own(`material:${name}`, () => new DisplayTextureMaterial(name)), version: 0 };
    paintSign(face, zone);
    const mesh = new Mesh(signGeometry, face.material);
    mesh.name = name;
    mesh.position.copy(signPosition(zone));
    group.add(mesh);
    return { face, zone };
  });

  // Images arrive later; until then the panel shows its title alone. A chart in the visitor's language
  // replaces the other language's on a language switch.
  const loadImage = (panel: PanelState<I>) => {
    const media = visibleMedia(panel.exhibit.media, locale, fallback).find((m) => m.type === 'image');
    if (!media || media.file === panel.imageFile) return;
    panel.imageFile = media.file;
    // Inside then(): a resolveUrl that throws becomes a failed load, not a broken hall.
    Promise.resolve(media.file).then((file) => painter.loadImage(resolveUrl(file))).then(
      (image) => {
        if (disposed || panel.imageFile !== media.file) {
          painter.releaseImage(image);
          return;
        }
        if (panel.image !== null) painter.releaseImage(panel.image);
        panel.image = image;
        paintPanel(panel);
        onChange();
      },
      (error: unknown) => console.warn(`[hall] exhibit "${panel.exhibit.id}": image ${media.file} did not load`, error),
    );
  };
  for (const panel of panels) loadImage(panel);

  return {
    group,
    setNotes(exhibitId, next) {
      const panel = panels.find((p) => p.exhibit.id === exhibitId);
      if (disposed || !panel || panel.exhibit.kind !== 'pledge-wall') return;
      if (JSON.stringify(notes.get(exhibitId) ?? []) === JSON.stringify(next)) return;
      notes.set(exhibitId, [...next]);
      paintPanel(panel);
      onChange();
    },
    setLocale(next) {
      if (disposed) return;
      locale = next;
      for (const panel of panels) {
        paintPanel(panel);
        loadImage(panel);
      }
      for (const { face, zone } of signs) paintSign(face, zone);
      onChange();
    },
    dispose() {
      disposed = true;
      for (const panel of panels) {
        if (panel.image !== null) painter.releaseImage(panel.image);
        panel.image = null;
      }
    },
  };
}
