// Browser side of the preview: the six GLBs side by side under the hall's lights (Lambert, hemisphere + sun), front row and back row.
import { AnimationMixer, CircleGeometry, Color, DirectionalLight, HemisphereLight, Mesh, MeshLambertMaterial, MeshStandardMaterial, PerspectiveCamera, Scene, Vector3, WebGLRenderer } from 'three';
import type { Material, Object3D } from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';

/** What the driver puts on the page before this script runs. */
export interface PreviewInput {
  readonly width: number;
  readonly height: number;
  readonly mascots: readonly { readonly id: string; readonly name: string; readonly glb: string }[];
  /** Seconds into `wave` to pose the front row at, or null for the rest pose. */
  readonly waveAt: number | null;
}

// The preview is type-checked with the Node-side config (no DOM lib), so the few DOM calls are typed here.
interface PageElement {
  style: { cssText: string };
  textContent: string | null;
  append(...nodes: unknown[]): void;
}
interface PageGlobals {
  __preview: PreviewInput;
  __done?: { ok: boolean; error?: string };
  document: { body: PageElement; createElement(tag: string): PageElement };
}
const page = globalThis as unknown as PageGlobals;

const SPACING = 1.05;
const BACKGROUND = '#1B1F3B';

function toLambert(root: Object3D): void {
  const converted = new Map<Material, Material>();
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    const source = object.material as Material;
    if (!(source instanceof MeshStandardMaterial)) return;
    const lambert = converted.get(source) ?? new MeshLambertMaterial({ name: source.name, color: source.color, side: source.side, vertexColors: source.vertexColors });
    converted.set(source, lambert);
    object.material = lambert;
  });
}

function decode(base64: string): ArrayBuffer {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}

function label(text: string, x: number, y: number, size: number, colour: string): void {
  const div = page.document.createElement('div');
  div.textContent = text;
  div.style.cssText = `position:absolute;left:${x - 150}px;top:${y}px;width:300px;text-align:center;font:600 ${size}px "Noto Sans CJK SC","Noto Sans",sans-serif;color:${colour}`;
  page.document.body.append(div);
}

async function main(): Promise<void> {
  const input = page.__preview;
  const renderer = new WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
  renderer.setPixelRatio(1);
  renderer.setSize(input.width, input.height);
  renderer.setScissorTest(true);
  page.document.body.style.cssText = `margin:0;background:${BACKGROUND};overflow:hidden`;
  page.document.body.append(renderer.domElement);

  const scene = new Scene();
  scene.background = new Color(BACKGROUND);
  const sun = new DirectionalLight('#FFE0BD', 1.6);
  sun.position.set(-0.5, 1, 0.7);
  scene.add(new HemisphereLight('#FFF6EC', '#6B6F80', 2.2), sun);

  const loader = new GLTFLoader();
  const n = input.mascots.length;
  const models: Object3D[] = [];
  for (const [i, mascot] of input.mascots.entries()) {
    const gltf = await loader.parseAsync(decode(mascot.glb), '');
    toLambert(gltf.scene);
    const x = (i - (n - 1) / 2) * SPACING;
    gltf.scene.position.set(x, 0, 0);
    const wave = gltf.animations.find((clip) => clip.name === 'wave');
    if (input.waveAt !== null && wave && i % 2 === 0) {
      const mixer = new AnimationMixer(gltf.scene);
      mixer.clipAction(wave).play();
      mixer.update(input.waveAt);
    }
    const floor = new Mesh(new CircleGeometry(0.42, 32), new MeshLambertMaterial({ color: '#3A3F63' }));
    floor.rotation.x = -Math.PI / 2;
    floor.position.set(x, 0.001, 0);
    scene.add(gltf.scene, floor);
    models.push(gltf.scene);
  }

  // Each row's camera stands back just far enough for the six to fill its width.
  const span = n * SPACING;
  const split = Math.round(input.height * 0.6);
  const rows = [
    { top: 0, height: split, turn: 0.3, rise: 0.55, look: 0.72, caption: true },
    { top: split, height: input.height - split, turn: Math.PI - 0.6, rise: 0.9, look: 0.62, caption: false },
  ];
  for (const row of rows) {
    for (const model of models) model.rotation.y = row.turn;
    const camera = new PerspectiveCamera(26, input.width / row.height, 0.1, 50);
    const halfWidth = Math.atan(Math.tan((26 * Math.PI) / 360) * camera.aspect);
    const distance = span / 2 / Math.tan(halfWidth) + 0.5;
    camera.position.set(0, row.look + row.rise, distance);
    camera.lookAt(new Vector3(0, row.look, 0));
    // WebGL's viewport origin is the bottom-left corner.
    const bottom = input.height - row.top - row.height;
    renderer.setViewport(0, bottom, input.width, row.height);
    renderer.setScissor(0, bottom, input.width, row.height);
    renderer.render(scene, camera);
    if (row.caption) {
      input.mascots.forEach((mascot, i) => {
        const p = new Vector3((i - (n - 1) / 2) * SPACING, -0.02, 0.4).project(camera);
        label(mascot.name, ((p.x + 1) / 2) * input.width, row.top + ((1 - p.y) / 2) * row.height, 26, '#FFF6EC');
        label(`${mascot.id}`, ((p.x + 1) / 2) * input.width, row.top + ((1 - p.y) / 2) * row.height + 34, 18, '#A9AEC8');
      });
    }
  }
}

main().then(
  () => (page.__done = { ok: true }),
  (error: unknown) => (page.__done = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
