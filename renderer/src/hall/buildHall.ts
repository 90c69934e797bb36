// Builds the hall from manifest.hall through the scene module (createBrowserHallScene), behind the engine's old signature.
import { Vector3 } from 'three';
import type { Hall } from '../../../electron/shared/manifest';
import { createBrowserHallScene } from './scene/browser-hall-scene';
import type { HallScene } from './scene/hall-scene';
import type { ResolveUrl } from './types';

/** Where the visitor stands when the hall opens, and where they look. */
export interface Viewpoint {
  readonly position: Vector3;
  readonly target: Vector3;
}

export interface BuiltHall {
  /** Everything the hall owns. Prefer `scene.dispose()`; disposeObject(root) also frees it all. */
  readonly root: ReturnType<typeof createBrowserHallScene>['root'];
  readonly entrance: Viewpoint;
  /** The full scene API: layout, setLocale, update, mascotsInView, dispose. */
  readonly scene: HallScene;
}

export interface BuildHallOptions {
  readonly locale?: string;
  readonly defaultLocale?: string;
  /** Where pack files are served; without it images and mascot models cannot load (placeholders show). */
  readonly resolveUrl?: ResolveUrl;
  readonly onChange?: () => void;
}

/** Stand-in until the engine passes the pack's base URL: loads fail (logged) without any request being made. */
const UNRESOLVED: ResolveUrl = (path) => {
  throw new Error(`no pack base URL to load ${path} from`);
};

export function buildHall(hall: Hall, options: BuildHallOptions = {}): BuiltHall {
  const defaultLocale = options.defaultLocale ?? 'zh-CN';
  const scene = createBrowserHallScene(
    { id: 'hall', version: '0.0.0', defaultLocale, hall },
    { locale: options.locale ?? defaultLocale, resolveUrl: options.resolveUrl ?? UNRESOLVED, onChange: options.onChange ?? (() => {}) },
  );
  const { position, target } = scene.layout.home;
  return {
    root: scene.root,
    entrance: { position: new Vector3(position.x, position.y, position.z), target: new Vector3(target.x, target.y, target.z) },
    scene,
  };
}
